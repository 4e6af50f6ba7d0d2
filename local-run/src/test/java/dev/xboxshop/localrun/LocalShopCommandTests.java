package dev.xboxshop.localrun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalShopCommandTests {

	@Test
	void movesEveryPortByTheOffsetAndReadsTheFlags() {
		ShopOptions options = LocalShopCommand
			.options(new String[] { "start", "--port-offset=5", "--replicas", "--mode=async" });

		assertThat(options.ports().gateway()).isEqualTo(8085);
		assertThat(options.ports().redis()).isEqualTo(6384);
		assertThat(options.ports().kafka()).isEqualTo(9097);
		assertThat(options.replicas()).isTrue();
		assertThat(options.checkoutMode()).isEqualTo("async");
		assertThat(options.workDir().endsWith(Path.of(".run-local", "offset-5"))).isTrue();
	}

	@Test
	void refusesArgumentsItDoesNotKnowInsteadOfStartingTheShop() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalShopCommand.options(new String[] { "--halp" }))
			.withMessageContaining("--halp");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalShopCommand.options(new String[] { "start", "--port-offset=ten" }))
			.withMessageContaining("whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalShopCommand.options(new String[] { "--mode=fast" }))
			.withMessageContaining("sync");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalShopCommand.options(new String[] { "--replicas", "stop" }))
			.withMessageContaining("stop");
	}

	@Test
	void printsUsageForHelpWithoutStartingAnything() {
		PrintStream console = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			LocalShopCommand.main(new String[] { "--help" });
		}
		finally {
			System.setOut(console);
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("usage: ./shop")
			.contains("--port-offset=N", "./shop test [maven arguments]");
	}

	@Test
	void refusesToStartWhileAnotherProcessHoldsOneOfItsPorts(@TempDir Path dir) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			ShopPorts free = ShopPorts.free();
			ShopPorts ports = new ShopPorts(taken.getLocalPort(), free.webTier(), free.cart(), free.inventory(),
					free.order(), free.redis(), free.kafka(), free.kafkaController(), free.inventoryReplica(),
					free.orderReplica());
			ShopOptions options = new ShopOptions(dir, dir.resolve("run"), ports, false, "token", "sync", null, null,
					List.of(), Map.of());

			assertThatExceptionOfType(LocalShop.PortInUse.class).isThrownBy(() -> LocalShop.start(options, (line) -> {
			})).withMessageContaining(String.valueOf(taken.getLocalPort())).withMessageContaining("gateway");
			assertThat(ProcessHandle.current().children()).as("nothing was started").isEmpty();
		}
	}

	@Test
	void seesARunningShopOnlyWhileItsLauncherLives(@TempDir Path dir) throws IOException {
		Path pidFile = dir.resolve("shop.pid");
		assertThat(LocalShopCommand.running(pidFile)).isEmpty();

		ProcessHandle self = ProcessHandle.current();
		long started = self.info().startInstant().orElseThrow().toEpochMilli();
		Files.write(pidFile, List.of(self.pid() + " " + started, "1 0"));
		assertThat(LocalShopCommand.running(pidFile)).contains(self.pid());

		Files.write(pidFile, List.of(Long.MAX_VALUE / 2 + " " + started));
		assertThat(LocalShopCommand.running(pidFile)).as("a stale pid file from a killed launcher").isEmpty();

		Files.write(pidFile, List.of(self.pid() + " " + (started - 1000)));
		assertThat(LocalShopCommand.running(pidFile)).as("a launcher's pid reused by another process").isEmpty();
	}

	@Test
	void stopEndsWhatADeadLauncherLeftBehind(@TempDir Path dir) throws IOException {
		Process orphan = new ProcessBuilder("sleep", "120").start();
		try {
			Path pidFile = dir.resolve("shop.pid");
			long started = orphan.info().startInstant().orElseThrow().toEpochMilli();
			Files.write(pidFile, List.of(Long.MAX_VALUE / 2 + " 0", orphan.pid() + " " + started));

			LocalShopCommand.stop(pidFile);

			assertThat(orphan.onExit()).succeedsWithin(Duration.ofSeconds(30));
			assertThat(pidFile).doesNotExist();
		}
		finally {
			orphan.destroyForcibly();
		}
	}

}
