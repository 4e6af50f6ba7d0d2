package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's record of what it started: its own process first, then every process it
 * started, each as {@code pid start-time-ms}. It is written from the first moment of a
 * start on and kept current while the shop starts, so {@code ./shop stop} finds every
 * process even when the launcher itself was killed; the start time makes sure a pid the
 * system has since given to another process is never taken for the shop's.
 */
final class PidFile {

	private final Path file;

	PidFile(Path file) {
		this.file = file;
	}

	/**
	 * Record the launcher and the processes it started (replacing the last record).
	 * @param launcher the launcher's process
	 * @param started the processes it started, in any order
	 */
	void record(ProcessHandle launcher, List<ProcessHandle> started) {
		List<String> lines = new ArrayList<>();
		line(launcher).ifPresent(lines::add);
		started.forEach((process) -> line(process).ifPresent(lines::add));
		try {
			Files.createDirectories(this.file.getParent());
			Path next = this.file.resolveSibling(this.file.getFileName() + ".next");
			Files.write(next, lines);
			Files.move(next, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The launcher, if it still runs.
	 */
	Optional<ProcessHandle> launcher() {
		List<ProcessHandle> alive = alive();
		return (!alive.isEmpty() && alive.get(0).pid() == firstPid()) ? Optional.of(alive.get(0)) : Optional.empty();
	}

	/**
	 * The processes the launcher started that still run, whether it still runs or not.
	 */
	List<ProcessHandle> started() {
		List<ProcessHandle> alive = new ArrayList<>(alive());
		launcher().ifPresent(alive::remove);
		return alive;
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// the next start overwrites it
		}
	}

	private static Optional<String> line(ProcessHandle process) {
		return process.info().startInstant().map((start) -> process.pid() + " " + start.toEpochMilli());
	}

	private long firstPid() {
		List<String> lines = lines();
		return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).split(" ")[0]);
	}

	/** The recorded processes that still run and are the very processes recorded. */
	private List<ProcessHandle> alive() {
		List<ProcessHandle> alive = new ArrayList<>();
		for (String line : lines()) {
			String[] fields = line.split(" ");
			long startedAt = Long.parseLong(fields[1]);
			ProcessHandle.of(Long.parseLong(fields[0]))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info()
					.startInstant()
					.map(Instant::toEpochMilli)
					.map((start) -> start == startedAt)
					.orElse(false))
				.ifPresent(alive::add);
		}
		return alive;
	}

	private List<String> lines() {
		try {
			List<String> lines = Files.exists(this.file) ? Files.readAllLines(this.file) : List.of();
			return lines.stream().filter((line) -> line.matches("\\d+ \\d+")).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
