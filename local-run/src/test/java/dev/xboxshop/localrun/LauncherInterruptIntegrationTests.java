package dev.xboxshop.localrun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.xboxshop.testsupport.ChildProcesses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ctrl-C (SIGINT) or {@code ./shop stop} (SIGTERM) while the shop is still starting: the
 * launcher (a real one, with its own Redis server and Kafka broker, and stand-ins for the
 * five services that never become healthy) is stopped at a moment of its start-up and
 * must leave no process behind.
 */
class LauncherInterruptIntegrationTests {

	private static final List<String> MODULES = List.of("inventory-service", "cart-service", "order-service",
			"web-tier", "gateway");

	private Process launcher;

	private List<ProcessHandle> started = List.of();

	@AfterEach
	void endWhatIsLeft() {
		if (this.launcher != null) {
			this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			this.launcher.destroyForcibly();
		}
		this.started.forEach(ProcessHandle::destroyForcibly);
	}

	@ParameterizedTest(name = "SIG{0} {1}")
	@CsvSource({ "INT, while Redis and Kafka start", "INT, while the services start",
			"TERM, while the services start" })
	void leavesNoProcessBehindWhenStoppedWhileStarting(String signal, String moment, @TempDir Path home)
			throws IOException {
		StandInJar.layOut(home, MODULES.toArray(String[]::new));
		// a build run in the background inherits SIGINT ignored, and a JVM that finds it
		// ignored never reacts to it; a terminal's Ctrl-C finds it at its default
		this.launcher = new ProcessBuilder("env", "--default-signal=INT", ChildProcesses.java(), "-Xmx128m", "-cp",
				System.getProperty("java.class.path"), StandInLauncher.class.getName(), home.toString())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("launcher.log").toFile())
			.start();
		Predicate<List<ProcessHandle>> reached = moment.startsWith("while Redis") ? (children) -> !children.isEmpty()
				: (children) -> children.stream().filter(this::standIn).count() == 5;
		await().atMost(Duration.ofMinutes(2)).until(() -> reached.test(this.launcher.descendants().toList()));
		this.started = this.launcher.descendants().toList();

		new ProcessBuilder("kill", "-" + signal, String.valueOf(this.launcher.pid())).start().onExit().join();

		await().atMost(Duration.ofMinutes(1)).until(() -> !this.launcher.isAlive());
		assertThat(this.launcher.exitValue()).as("exit code after SIG" + signal)
			.isEqualTo(signal.equals("INT") ? 130 : 143);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.started.stream().filter(ProcessHandle::isAlive).map(this::describe))
				.as("processes left behind")
				.isEmpty());
	}

	@Test
	void theFaultSuiteLeavesNoProcessBehindWhenStopped(@TempDir Path home) throws IOException {
		StandInJar.layOut(home, MODULES.toArray(String[]::new));
		this.launcher = new ProcessBuilder(ChildProcesses.java(), "-Xmx128m", "-Dshop.home=" + home, "-cp",
				System.getProperty("java.class.path"), FaultSuite.class.getName(), "--faults=order-kill",
				"--modes=async")
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("fault-suite.log").toFile())
			.start();
		// two replicas each of inventory and order, cart, web tier, gateway
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.launcher.descendants().filter(this::standIn).count() == 7);
		this.started = this.launcher.descendants().toList();

		new ProcessBuilder("kill", "-TERM", String.valueOf(this.launcher.pid())).start().onExit().join();

		await().atMost(Duration.ofMinutes(1)).until(() -> !this.launcher.isAlive());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.started.stream().filter(ProcessHandle::isAlive).map(this::describe))
				.as("processes left behind")
				.isEmpty());
	}

	private boolean standIn(ProcessHandle process) {
		return process.info()
			.arguments()
			.map(List::of)
			.orElse(List.of())
			.stream()
			.anyMatch((arg) -> arg.endsWith("-exec.jar"));
	}

	private String describe(ProcessHandle process) {
		return process.pid() + " " + process.info().commandLine().orElse("?");
	}

}
