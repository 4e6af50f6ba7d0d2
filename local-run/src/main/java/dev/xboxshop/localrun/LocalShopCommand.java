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
 * {@code ./shop [start|stop|status] [--port-offset=N] [--replicas] [--mode=sync|async|escrow]}:
 * runs the whole shop in the foreground until Ctrl-C or {@code ./shop stop}.
 */
public final class LocalShopCommand {

	private LocalShopCommand() {
	}

	static final String USAGE = """
			usage: ./shop [start|stop|status] [--port-offset=N] [--replicas] [--mode=sync|async|escrow]
			  start           run the whole shop in the foreground (the default); Ctrl-C ends it
			  stop            end a shop started from this folder (by the PIDs it recorded)
			  status          say whether it runs
			  --port-offset=N move every port by N (gateway on 8080+N); also SHOP_PORT_OFFSET
			  --replicas      two instances of inventory-service and order-service
			  --mode=M        the default checkout mode (sync)
			  --help          this text""";

	private static final List<String> VERBS = List.of("start", "stop", "status");

	private static final List<String> MODES = List.of("sync", "async", "escrow");

	public static void main(String[] args) {
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.println(USAGE);
			return;
		}
		ShopOptions options;
		try {
			options = options(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		Path pidFile = options.workDir().resolve("shop.pid");
		switch (verb(args)) {
			case "stop" -> stop(pidFile);
			case "status" -> System.out.println(running(pidFile).map((pid) -> "The shop is running (pid " + pid + ").")
				.orElse("The shop is not running."));
			default -> start(options, pidFile);
		}
	}

	private static String verb(String[] args) {
		return (args.length > 0 && !args[0].startsWith("-")) ? args[0] : "start";
	}

	/**
	 * @throws IllegalArgumentException for an argument the shop does not know, or a bad
	 * value
	 */
	static ShopOptions options(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			boolean known = (i == 0 && VERBS.contains(arg)) || arg.equals("--replicas")
					|| arg.startsWith("--port-offset=") || arg.startsWith("--mode=");
			if (!known) {
				throw new IllegalArgumentException("unknown argument: " + arg);
			}
		}
		String offsetFlag = flag(args, "--port-offset=", System.getenv().getOrDefault("SHOP_PORT_OFFSET", "0"));
		int offset;
		try {
			offset = Integer.parseInt(offsetFlag);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port-offset must be a whole number, not " + offsetFlag);
		}
		if (offset < 0 || offset > 20000) {
			throw new IllegalArgumentException("--port-offset must be between 0 and 20000, not " + offset);
		}
		String mode = flag(args, "--mode=", "sync");
		if (!MODES.contains(mode)) {
			throw new IllegalArgumentException("--mode must be one of " + MODES + ", not " + mode);
		}
		Path home = Path.of(System.getProperty("shop.home", ".")).toAbsolutePath().normalize();
		String token = System.getenv().getOrDefault("SHOP_OPERATOR_TOKEN", ShopOptions.DEFAULT_OPERATOR_TOKEN);
		boolean replicas = List.of(args).contains("--replicas");
		return new ShopOptions(home, home.resolve(".run-local").resolve("offset-" + offset),
				ShopPorts.withOffset(offset), replicas, token, mode, null, null, ShopOptions.DEFAULT_JVM_OPTIONS,
				Map.of());
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
		LocalShop shop;
		try {
			shop = LocalShop.start(options, System.out::println);
		}
		catch (LocalShop.PortInUse ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
			return;
		}
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
