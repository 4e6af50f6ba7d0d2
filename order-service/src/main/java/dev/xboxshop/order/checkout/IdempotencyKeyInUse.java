package dev.xboxshop.order.checkout;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * A duplicate waited as long as it may for the first request with its key to finish.
 */
class IdempotencyKeyInUse extends ProblemException {

	IdempotencyKeyInUse() {
		super(HttpStatus.CONFLICT, "idempotency-key-in-use", "Order still in progress",
				"An order with this Idempotency-Key is still being placed; retry in a moment.");
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return headers;
	}

}
