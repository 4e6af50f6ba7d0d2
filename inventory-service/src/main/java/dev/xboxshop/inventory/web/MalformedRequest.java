package dev.xboxshop.inventory.web;

import org.springframework.http.HttpStatus;

/**
 * A request body that was readable JSON but lacked a field or held an impossible value.
 */
public class MalformedRequest extends ProblemException {

	public MalformedRequest(String detail) {
		super(HttpStatus.BAD_REQUEST, "malformed-request", detail);
	}

}
