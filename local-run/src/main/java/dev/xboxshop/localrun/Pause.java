package dev.xboxshop.localrun;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The pause between two polls of a health check.
 */
final class Pause {

	private Pause() {
	}

	static void of(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

}
