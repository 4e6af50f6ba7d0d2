package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.xboxshop.testsupport.ChildProcesses;

/**
 * {@code ./shop [start|stop|status] [--port-offset=N] [--replicas] [--mode=sync|async|escrow]}:
 * runs the whole shop in the foreground until Ctrl-C or {@code ./shop stop}; and
 * {@code ./shop trace <traceId>} prints one trace from every service's log.
 */
public final class LocalShopCommand {

	private LocalShopCommand() {
	}

	/**
	 * The usage, a file of its own so that {@code ./shop --help} prints it before
	 * anything is built.
	 */
	static final String USAGE = usage();

	private static final List<String> VERBS = List.of("start", "stop", "status", "trace");

	/** How often the launcher looks for parts of the shop that stopped on their own. */
	private static final Duration KEEP_EVERY = Duration.ofSeconds(2);

	private static final List<String> MODES = List.of("sync", "async", "escrow");

	private static String usage() {
		try (InputStream text = LocalShopCommand.class.getResourceAsStream("/shop-usage.txt")) {
			return new String(text.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("faults")) {
			FaultSuite.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
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
			case "status" -> System.out.println(status(pidFile));
			case "trace" -> System.exit(trace(logs(args, options), args[1]));
			default -> start(options, pidFile);
		}
	}

	/**
	 * Prints one trace's lines from every service's log.
	 * @return the exit code: 0 when a log named the trace, 1 when none did
	 */
	static int trace(Path logs, String traceId) {
		List<TraceLog.Line> lines = TraceLog.of(logs, traceId);
		if (lines.isEmpty()) {
			System.out.println("No log in " + logs + " names trace " + traceId
					+ " (a span is written up to 5 s after it ends; is it this port offset's shop?)");
			return 1;
		}
		lines.forEach(System.out::println);
		System.out.println(lines.size() + " lines of trace " + traceId + " from "
				+ String.join(", ", lines.stream().map(TraceLog.Line::service).distinct().sorted().toList()));
		return 0;
	}

	private static String status(Path pidFile) {
		PidFile pids = new PidFile(pidFile);
		Optional<ProcessHandle> launcher = pids.launcher();
		List<ProcessHandle> started = pids.started();
		if (launcher.isPresent()) {
			return "The shop is running (pid " + launcher.get().pid() + ").";
		}
		return started.isEmpty() ? "The shop is not running."
				: "The shop's launcher is gone, but " + started.size() + " of its processes still run (pids "
						+ started.stream().map(ProcessHandle::pid).toList() + "); ./shop stop ends them.";
	}

	private static String verb(String[] args) {
		return (args.length > 0 && !args[0].startsWith("-")) ? args[0] : "start";
	}

	/**
	 * @throws IllegalArgumentException for an argument the shop does not know, or a bad
	 * value
	 */
	static ShopOptions options(String[] args) {
		boolean trace = args.length > 0 && args[0].equals("trace");
		if (trace && (args.length < 2 || !TraceLog.isTraceId(args[1]))) {
			throw new IllegalArgumentException("trace needs a trace id: 32 hexadecimal digits, lower case");
		}
		for (int i = trace ? 2 : 0; i < args.length; i++) {
			String arg = args[i];
			boolean known = (i == 0 && VERBS.contains(arg)) || arg.equals("--replicas")
					|| arg.startsWith("--port-offset=") || arg.startsWith("--mode=")
					|| (trace && arg.startsWith("--logs="));
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

	/**
	 * The logs a trace is read from: {@code --logs=DIR} (the fault suite's), else the
	 * shop's.
	 */
	private static Path logs(String[] args, ShopOptions options) {
		String given = flag(args, "--logs=", null);
		return (given != null) ? Path.of(given).toAbsolutePath() : options.workDir().resolve("logs");
	}

	private static String flag(String[] args, String prefix, String fallback) {
		return List.of(args)
			.stream()
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.findFirst()
			.orElse(fallback);
	}

	static void start(ShopOptions options, Path pidFile) {
		PidFile pids = new PidFile(pidFile);
		Optional<ProcessHandle> running = pids.launcher();
		if (running.isPresent()) {
			System.out.println("The shop is already running (pid " + running.get().pid() + "): http://localhost:"
					+ options.ports().gateway() + "/  Stop it with ./shop stop");
			return;
		}
		List<ProcessHandle> leftOver = pids.started();
		if (!leftOver.isEmpty()) {
			System.err.println("Processes of an earlier shop from this folder still run (pids "
					+ leftOver.stream().map(ProcessHandle::pid).toList()
					+ ", left by a launcher that was killed); ./shop stop ends them. Nothing was started.");
			System.exit(1);
			return;
		}
		LocalShop shop = LocalShop.prepare(options, System.out::println);
		// from here on, whenever the launcher is stopped (Ctrl-C, ./shop stop, a failed
		// start), the hook ends what it started, even in the middle of starting it
		CountDownLatch stopped = new CountDownLatch(1);
		Thread recorder = new Thread(() -> recordWhileStarting(pids), "record-pids");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			recorder.interrupt();
			joinQuietly(recorder);
			if (shop.started()) {
				System.out.println("stopping the shop ...");
			}
			shop.close();
			ShopProcesses.endDescendants();
			pids.delete();
			stopped.countDown();
		}, "stop-shop"));
		recorder.setDaemon(true);
		recorder.start();
		try {
			shop.start();
		}
		catch (LocalShop.PortInUse ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
			return;
		}
		catch (LocalShop.Stopping ex) {
			awaitQuietly(stopped);
			return;
		}
		finally {
			recorder.interrupt();
		}
		pids.record(ProcessHandle.current(), ProcessHandle.current().descendants().toList());
		int gateway = options.ports().gateway();
		System.out.printf(
				"%nThe X-Box Launch Shop is up.%n  storefront  http://localhost:%d/%n"
						+ "  lab         http://localhost:%d/lab   (operator token: %s)%n  logs        %s%n"
						+ "Ctrl-C or ./shop stop ends it.%n",
				gateway, gateway, options.operatorToken(), options.workDir().resolve("logs"));
		Thread keeper = new Thread(() -> keepRunning(shop, pids), "keep-shop");
		keeper.setDaemon(true);
		keeper.start();
		awaitQuietly(stopped);
	}

	/**
	 * Until the shop stops: whatever of it died on its own is started again, and the pid
	 * file names the new processes ({@code ./shop stop} after a killed launcher).
	 */
	private static void keepRunning(LocalShop shop, PidFile pids) {
		while (true) {
			ChildProcesses.pause(KEEP_EVERY);
			try {
				if (!shop.reviveDead().isEmpty()) {
					pids.record(ProcessHandle.current(), ProcessHandle.current().descendants().toList());
				}
			}
			catch (LocalShop.Stopping ex) {
				return;
			}
			catch (RuntimeException ex) {
				System.err.println("could not start a stopped part of the shop again: " + ex.getMessage());
			}
		}
	}

	/** Keeps the pid file current while processes are being started. */
	private static void recordWhileStarting(PidFile pids) {
		List<ProcessHandle> seen = new ArrayList<>();
		while (!Thread.currentThread().isInterrupted()) {
			ProcessHandle.current().descendants().filter((process) -> !seen.contains(process)).forEach(seen::add);
			pids.record(ProcessHandle.current(), seen);
			ChildProcesses.pause(Duration.ofMillis(100));
		}
	}

	/**
	 * Ends a shop started from this folder: its launcher, which stops what it started,
	 * and then whatever the pid file names that still runs (all of it, when the launcher
	 * itself was killed).
	 */
	static void stop(Path pidFile) {
		PidFile pids = new PidFile(pidFile);
		Optional<ProcessHandle> launcher = pids.launcher();
		List<ProcessHandle> started = pids.started();
		if (launcher.isEmpty() && started.isEmpty()) {
			pids.delete();
			System.out.println("The shop is not running.");
			return;
		}
		launcher.ifPresent((process) -> {
			process.destroy();
			process.onExit().orTimeout(90, TimeUnit.SECONDS).exceptionally((ex) -> process).join();
		});
		ShopProcesses.end(started);
		pids.delete();
		System.out.println("The shop has stopped (" + started.size() + (started.size() == 1 ? " process" : " processes")
				+ (launcher.isEmpty() ? ", left behind by a launcher that was killed)." : ")."));
	}

	/**
	 * The launcher's pid, if the pid file names a live launcher.
	 */
	static Optional<Long> running(Path pidFile) {
		return new PidFile(pidFile).launcher().map(ProcessHandle::pid);
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join(Duration.ofSeconds(2).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
