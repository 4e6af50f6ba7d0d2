package dev.xboxshop.web.order;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long an order has waited, for people: {@code 42 s}, {@code 3 min 05 s},
 * {@code 2 h 07 min}, {@code 3 d 4 h}. shop.js counts on in the same words.
 */
final class Elapsed {

	private Elapsed() {
	}

	/**
	 * The time from an order's creation to now.
	 * @param createdAt the order's {@code createdAt}, an ISO-8601 instant
	 * @param now the time now
	 * @return the wait, or empty when there is no readable creation time
	 */
	static Optional<Duration> since(String createdAt, Instant now) {
		if (createdAt == null) {
			return Optional.empty();
		}
		try {
			Duration waited = Duration.between(Instant.parse(createdAt), now);
			return Optional.of(waited.isNegative() ? Duration.ZERO : waited);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static String format(Duration waited) {
		long seconds = waited.toSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return String.format("%d min %02d s", seconds / 60, seconds % 60);
		}
		if (seconds < 86400) {
			return String.format("%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
		}
		return String.format("%d d %d h", seconds / 86400, (seconds % 86400) / 3600);
	}

}
