package dev.xboxshop.cart.problems;

import org.springframework.http.HttpStatus;

/**
 * A request that parsed but lacks a field or carries one of the wrong shape.
 */
public class MalformedRequest extends ShopProblem {

	public MalformedRequest(String detail) {
		super(HttpStatus.BAD_REQUEST, "malformed-request", detail);
	}

}
