package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./shop [start|stop|status] [--port-offset=N] [--replicas] [--mode=sync|async]}:
 * runs the whole shop in the foreground until Ctrl-C or {@code ./shop stop}.
 */
public final class LocalShopCommand {

	private LocalShopCommand() {
	}

	public static void main(String[] args) {
		String verb = (args.length > 0 && !args[0].startsWith("--")) ? args[0] : "start";
		ShopOptions options = options(args);
		Path pidFile = options.workDir().resolve("shop.pid");
		switch (verb) {
			case "start" -> start(options, pidFile);
			case "stop" -> stop(pidFile);
			case "status" -> System.out.println(running(pidFile).map((pid) -> "The shop is running (pid " + pid + ").")
				.orElse("The shop is not running."));
			default -> {
				System.err
					.println("usage: ./shop [start|stop|status] [--port-offset=N] [--replicas] [--mode=sync|async]");
				System.exit(2);
			}
		}
	}

	static ShopOptions options(String[] args) {
		int offset = Integer
			.parseInt(flag(args, "--port-offset=", System.getenv().getOrDefault("SHOP_PORT_OFFSET", "0")));
		Path home = Path.of(System.getProperty("shop.home", ".")).toAbsolutePath().normalize();
		String token = System.getenv().getOrDefault("SHOP_OPERATOR_TOKEN", ShopOptions.DEFAULT_OPERATOR_TOKEN);
		boolean replicas = List.of(args).contains("--replicas");
		return new ShopOptions(home, home.resolve(".run-local").resolve("offset-" + offset),
				ShopPorts.withOffset(offset), replicas, token, flag(args, "--mode=", "sync"), null, null,
				ShopOptions.DEFAULT_JVM_OPTIONS, Map.of());
	}

	private static String flag(String[] args, String prefix, String fallback) {
		return List.of(args)
			.stream()
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.findFirst()
			.orElse(fallback);
	}

	private static void start(ShopOptions options, Path pidFile) {
		Optional<Long> running = running(pidFile);
		if (running.isPresent()) {
			System.out.println("The shop is already running (pid " + running.get() + "): http://localhost:"
					+ options.ports().gateway() + "/  Stop it with ./shop stop");
			return;
		}
		LocalShop shop = LocalShop.start(options, System.out::println);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("stopping the shop ...");
			shop.close();
			deleteQuietly(pidFile);
			stopped.countDown();
		}, "stop-shop"));
		writePids(pidFile, shop.childPids());
		int gateway = options.ports().gateway();
		System.out.printf(
				"%nThe X-Box Launch Shop is up.%n  storefront  http://localhost:%d/%n"
						+ "  lab         http://localhost:%d/lab   (operator token: %s)%n  logs        %s%n"
						+ "Ctrl-C or ./shop stop ends it.%n",
				gateway, gateway, options.operatorToken(), options.workDir().resolve("logs"));
		awaitQuietly(stopped);
	}

	private static void stop(Path pidFile) {
		Optional<Long> running = running(pidFile);
		if (running.isEmpty()) {
			System.out.println("The shop is not running.");
			return;
		}
		List<ProcessHandle> started = readPids(pidFile).stream()
			.map(ProcessHandle::of)
			.flatMap(Optional::stream)
			.collect(Collectors.toCollection(ArrayList::new));
		ProcessHandle.of(running.get()).ifPresent(ProcessHandle::destroy);
		for (ProcessHandle process : started) {
			process.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally((ex) -> {
				process.destroyForcibly();
				return process;
			}).join();
		}
		deleteQuietly(pidFile);
		System.out.println("The shop has stopped (" + started.size() + " processes).");
	}

	/**
	 * The launcher's pid, if the pid file names a live launcher.
	 */
	static Optional<Long> running(Path pidFile) {
		List<Long> pids = readPids(pidFile);
		return pids.isEmpty() ? Optional.empty()
				: ProcessHandle.of(pids.get(0)).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
	}

	private static List<Long> readPids(Path pidFile) {
		try {
			return Files.exists(pidFile) ? Files.readAllLines(pidFile).stream().map(Long::parseLong).toList()
					: List.of();
		}
		catch (IOException | NumberFormatException ex) {
			return List.of();
		}
	}

	private static void writePids(Path pidFile, List<Long> children) {
		List<String> lines = new ArrayList<>();
		lines.add(String.valueOf(ProcessHandle.current().pid()));
		children.forEach((pid) -> lines.add(String.valueOf(pid)));
		try {
			Files.createDirectories(pidFile.getParent());
			Files.write(pidFile, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// the next start overwrites it
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
