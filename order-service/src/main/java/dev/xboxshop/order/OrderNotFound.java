package dev.xboxshop.order;

import org.springframework.http.HttpStatus;

/**
 * No order with that id.
 */
public class OrderNotFound extends ProblemException {

	public OrderNotFound(String orderId) {
		super(HttpStatus.NOT_FOUND, "not-found", "Order not found", "There is no order '" + orderId + "'.");
	}

}
