package dev.xboxshop.order;

import org.springframework.http.HttpStatus;

/**
 * A quantity of zero, below zero, or above the per-order maximum.
 */
public class InvalidQuantity extends ProblemException {

	public InvalidQuantity(String detail) {
		super(HttpStatus.BAD_REQUEST, "invalid-quantity", "Invalid quantity", detail);
	}

}
