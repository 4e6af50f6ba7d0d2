package dev.xboxshop.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What every server started as a child process needs: the JVM to start it with, a pause
 * between readiness polls, and a stop that asks first and insists after a grace period.
 */
public final class ChildProcesses {

	private static final Duration FORCED_EXIT = Duration.ofSeconds(10);

	private ChildProcesses() {
	}

	/**
	 * The {@code java} executable of the running JVM.
	 */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static void pause(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

	/**
	 * End a process as a crash would ({@code kill -9}: no shutdown hooks, nothing
	 * flushed) and wait until it is gone.
	 * @param process the process
	 */
	public static void kill(Process process) {
		process.destroyForcibly();
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Ask the process to end (SIGTERM, so it shuts down cleanly), and kill it if it has
	 * not ended within the grace period.
	 */
	public static void stop(Process process, Duration grace) {
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(FORCED_EXIT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
