package dev.xboxshop.order;

import org.springframework.http.HttpStatus;

/**
 * The request could not be understood: unreadable JSON, a missing or ill-typed field, a
 * missing header.
 */
public class MalformedRequest extends ProblemException {

	public MalformedRequest(String detail) {
		super(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
	}

}
