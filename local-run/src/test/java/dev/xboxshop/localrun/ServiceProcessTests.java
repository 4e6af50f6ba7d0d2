package dev.xboxshop.localrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xboxshop.testsupport.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class ServiceProcessTests {

	@Test
	void isHealthyWhenTheProcessItStartedAnswersOnItsPort(@TempDir Path dir) {
		int port = FreePorts.find();
		ServiceProcess service = new ServiceProcess("stand-in", port, StandInJar.write(dir.resolve("stand-in.jar")),
				List.of("--stand-in.healthy"), dir.resolve("stand-in.log"));
		service.start(List.of("-Xmx32m"));
		try {
			await().atMost(Duration.ofMinutes(1)).until(service::healthy);
		}
		finally {
			service.stop();
		}
	}

	@Test
	void refusesAHealthAnswerFromAProcessItDidNotStart(@TempDir Path dir) throws Exception {
		int port = FreePorts.find();
		HttpServer stranger = StandInService.answerHealth(port);
		ServiceProcess service = new ServiceProcess("stand-in", port, StandInJar.write(dir.resolve("stand-in.jar")),
				List.of(), dir.resolve("stand-in.log"));
		service.start(List.of("-Xmx32m"));
		try {
			assertThatIllegalStateException().isThrownBy(service::healthy)
				.withMessageContaining(String.valueOf(port))
				.withMessageContaining("pid " + service.pid())
				.withMessageContaining("pid " + ProcessHandle.current().pid());
		}
		finally {
			service.stop();
			stranger.stop(0);
		}
		assertThat(service.log()).exists();
	}

}
