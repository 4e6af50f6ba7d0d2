package dev.xboxshop.order.checkout;

import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * The same Idempotency-Key came with a different body.
 */
class IdempotencyKeyReused extends ProblemException {

	IdempotencyKeyReused() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
				"This Idempotency-Key was already used for a different order; use a new key for a new order.");
	}

}
