package dev.xboxshop.web.parts;

import java.time.Duration;

/**
 * One part of a page and how it went: its value (the live answer, a fallback, or null
 * when there is nothing to show), how long it took, and whether the page had to fall
 * back.
 *
 * @param <T> the value's type
 * @param name the part's name, as in the {@code Server-Timing} header
 * @param value the value to show, may be null
 * @param latency how long the page waited for it
 * @param outcome whether it answered, timed out or failed
 */
public record Part<T>(String name, T value, Duration latency, Outcome outcome) {

	public boolean isLive() {
		return this.outcome == Outcome.LIVE;
	}

	public boolean isFallback() {
		return this.outcome != Outcome.LIVE;
	}

	public boolean hasValue() {
		return this.value != null;
	}

	public double millis() {
		return this.latency.toNanos() / 1_000_000.0;
	}

	public enum Outcome {

		/** The service answered in time. */
		LIVE,

		/** The part's timeout struck first. */
		TIMEOUT,

		/** The call failed (error status, connection refused, executor full). */
		ERROR;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
