package dev.xboxshop.order.admin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * An operator endpoint without the operator's bearer token.
 */
class Unauthorized extends ProblemException {

	Unauthorized() {
		super(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"This operator endpoint needs 'Authorization: Bearer <operator token>'.");
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return headers;
	}

}
