package dev.xboxshop.order.checkout;

import org.springframework.http.HttpStatus;

import dev.xboxshop.order.Order;

/**
 * A final answer to a checkout, replayed for every retry with the same idempotency key:
 * 201 CONFIRMED, 202 ACCEPTED, 409 when the order was rejected as sold out, or 200 with a
 * CANCELLED order a retry found settled.
 *
 * @param status the HTTP status
 * @param order the order as it stands
 */
record CheckoutOutcome(HttpStatus status, Order order) {

	static CheckoutOutcome confirmed(Order order) {
		return new CheckoutOutcome(HttpStatus.CREATED, order);
	}

	static CheckoutOutcome accepted(Order order) {
		return new CheckoutOutcome(HttpStatus.ACCEPTED, order);
	}

	static CheckoutOutcome cancelled(Order order) {
		return new CheckoutOutcome(HttpStatus.OK, order);
	}

	static CheckoutOutcome soldOut(Order order) {
		return new CheckoutOutcome(HttpStatus.CONFLICT, order);
	}

}
