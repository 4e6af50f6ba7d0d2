package dev.xboxshop.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real Redis server as a local process on a free loopback port: Debian's
 * {@code redis-server} when it is on the PATH, else the binary inside the embedded-redis
 * jar. For tests nothing is persisted; the local shop keeps an append-only file in its
 * run folder, so a restart finds yesterday's orders, carts and stock.
 */
public final class LocalRedis {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private LocalRedis() {
	}

	public static RedisServerHandle start() {
		return start(FreePorts.find());
	}

	/**
	 * Start a Redis server on the given loopback port and wait until it answers PING.
	 * @param port the port to listen on
	 * @return the running server
	 */
	public static RedisServerHandle start(int port) {
		return start(port, null);
	}

	/**
	 * Start a Redis server on the given loopback port and wait until it answers PING.
	 * @param port the port to listen on
	 * @param dataDir where the append-only file lives (every write is fsynced within a
	 * second), or {@code null} to persist nothing
	 * @return the running server
	 */
	public static RedisServerHandle start(int port, Path dataDir) {
		List<String> persistence = persistence(dataDir);
		Path binary = redisServerOnPath();
		RedisServerHandle handle = (binary != null) ? startBinary(binary, port, persistence)
				: startEmbedded(port, persistence);
		awaitPong(port);
		return handle;
	}

	/** Settings as {@code name value} pairs. */
	static List<String> persistence(Path dataDir) {
		if (dataDir == null) {
			return List.of("save", "\"\"", "appendonly", "no");
		}
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + dataDir, ex);
		}
		return List.of("dir", dataDir.toAbsolutePath().toString(), "save", "\"\"", "appendonly", "yes", "appendfsync",
				"everysec");
	}

	static Path redisServerOnPath() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static RedisServerHandle startBinary(Path binary, int port, List<String> persistence) {
		List<String> command = new ArrayList<>(
				List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1", "--daemonize", "no"));
		for (int i = 0; i < persistence.size(); i += 2) {
			command.add("--" + persistence.get(i));
			// an empty argument on the command line, quotes in a config file
			command.add(persistence.get(i + 1).equals("\"\"") ? "" : persistence.get(i + 1));
		}
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return handle(port, () -> ChildProcesses.stop(process, Duration.ofSeconds(10)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + binary, ex);
		}
	}

	static RedisServerHandle startEmbedded(int port, List<String> persistence) {
		try {
			RedisServerBuilder builder = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1");
			for (int i = 0; i < persistence.size(); i += 2) {
				builder.setting(persistence.get(i) + " " + persistence.get(i + 1));
			}
			RedisServer server = builder.build();
			server.start();
			return handle(port, () -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded Redis server", ex);
		}
	}

	private static RedisServerHandle handle(int port, Runnable stop) {
		return new RedisServerHandle() {
			@Override
			public String host() {
				return "127.0.0.1";
			}

			@Override
			public int port() {
				return port;
			}

			@Override
			public void stop() {
				stop.run();
			}
		};
	}

	static void awaitPong(int port) {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (pong(port)) {
				return;
			}
			ChildProcesses.pause(Duration.ofMillis(20));
		}
		throw new IllegalStateException("Redis did not answer PING on port " + port + " within " + STARTUP);
	}

	private static boolean pong(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(5);
			return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
