package dev.xboxshop.localrun;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends processes the way the shop's stop does: all asked at once (SIGTERM, so each shuts
 * down cleanly), then killed if they have not ended within the grace period.
 */
final class ShopProcesses {

	static final Duration GRACE = Duration.ofSeconds(20);

	private static final int SWEEPS = 5;

	private ShopProcesses() {
	}

	static void end(List<ProcessHandle> processes) {
		processes.forEach(ProcessHandle::destroy);
		CompletableFuture<?>[] exits = processes.stream()
			.map((process) -> process.onExit()
				.completeOnTimeout(process, GRACE.toMillis(), TimeUnit.MILLISECONDS)
				.thenApply((ended) -> ended.isAlive() && ended.destroyForcibly()))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(exits).join();
		processes.forEach((process) -> process.onExit().completeOnTimeout(process, 10, TimeUnit.SECONDS).join());
	}

	/**
	 * Ends every process this JVM started, and theirs: in the launcher that is the shop,
	 * whatever it was in the middle of starting when it was stopped.
	 */
	static void endDescendants() {
		for (int i = 0; i < SWEEPS; i++) {
			List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
			if (left.isEmpty()) {
				return;
			}
			end(left);
		}
	}

}
