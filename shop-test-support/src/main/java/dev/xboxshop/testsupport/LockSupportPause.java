package dev.xboxshop.testsupport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A short pause between readiness polls of a server that is starting.
 */
final class LockSupportPause {

	private LockSupportPause() {
	}

	static void pause(Duration duration) {
		LockSupport.parkNanos(duration.toNanos());
	}

}
