package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, so the launcher can tell its own service's answer
 * from a stranger's on the same port. Reads Linux's {@code /proc} (the listening socket's
 * inode, then the process holding it); elsewhere asks {@code lsof}.
 */
final class ListeningSockets {

	private static final Path PROC = Path.of("/proc");

	private static final String LISTEN = "0A";

	private ListeningSockets() {
	}

	/**
	 * The processes that hold a socket listening on the port.
	 * @param port a TCP port
	 * @return their pids, empty when nothing listens
	 */
	static Set<Long> owners(int port) {
		if (!Files.isReadable(PROC.resolve("net/tcp"))) {
			return lsof(port);
		}
		Set<String> sockets = new HashSet<>();
		sockets.addAll(listeningInodes(PROC.resolve("net/tcp"), port));
		sockets.addAll(listeningInodes(PROC.resolve("net/tcp6"), port));
		Set<Long> owners = new HashSet<>();
		if (sockets.isEmpty()) {
			return owners;
		}
		try (Stream<Path> processes = Files.list(PROC)) {
			processes.filter((dir) -> dir.getFileName().toString().matches("\\d+"))
				.filter((dir) -> holdsAny(dir, sockets))
				.forEach((dir) -> owners.add(Long.parseLong(dir.getFileName().toString())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return owners;
	}

	/**
	 * Lines of {@code /proc/net/tcp}: {@code sl local_address rem_address st ... inode};
	 * the address is {@code HEXIP:HEXPORT}.
	 */
	private static List<String> listeningInodes(Path table, int port) {
		String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
		try {
			if (!Files.isReadable(table)) {
				return List.of();
			}
			return Files.readAllLines(table, StandardCharsets.US_ASCII)
				.stream()
				.skip(1)
				.map((line) -> line.trim().split("\\s+"))
				.filter((fields) -> fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN))
				.map((fields) -> "socket:[" + fields[9] + "]")
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean holdsAny(Path process, Set<String> sockets) {
		try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
			return fds.anyMatch((fd) -> sockets.contains(target(fd)));
		}
		catch (IOException | UncheckedIOException ex) {
			// another user's process, or one that ended meanwhile
			return false;
		}
	}

	private static String target(Path fd) {
		try {
			return Files.readSymbolicLink(fd).toString();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static Set<Long> lsof(int port) {
		try {
			Process lsof = new ProcessBuilder("lsof", "-t", "-nP", "-iTCP:" + port, "-sTCP:LISTEN")
				.redirectErrorStream(true)
				.start();
			String out = new String(lsof.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
			lsof.waitFor();
			Set<Long> owners = new HashSet<>();
			out.lines().filter((line) -> line.matches("\\d+")).forEach((line) -> owners.add(Long.parseLong(line)));
			return owners;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot tell which process listens on port " + port
					+ ": this system has no /proc/net/tcp and no lsof", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Set.of();
		}
	}

}
