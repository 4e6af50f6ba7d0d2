package dev.xboxshop.order.backlog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * Booking is so far behind that a new async order would likely be cancelled for time; the
 * shop says so now instead of accepting it.
 */
class Busy extends ProblemException {

	private final long retryAfterSeconds;

	Busy(Backlog backlog, long retryAfterSeconds) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Too busy to take the order now",
				"We are taking more orders than we can confirm in time (" + backlog.inFlight() + " waiting, about "
						+ (backlog.projectedWaitMs() / 1000)
						+ " s to confirm); nothing was ordered, please try again shortly.");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(this.retryAfterSeconds));
		return headers;
	}

}
