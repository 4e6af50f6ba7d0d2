package dev.xboxshop.inventory.reservation;

import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

/**
 * A quantity below one or above what one order may take of a product.
 */
public class InvalidQuantity extends ProblemException {

	public InvalidQuantity(String detail) {
		super(HttpStatus.BAD_REQUEST, "invalid-quantity", detail);
	}

}
