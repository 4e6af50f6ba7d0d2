package dev.xboxshop.inventory.admin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

class Unauthorized extends ProblemException {

	Unauthorized() {
		super(HttpStatus.UNAUTHORIZED, "unauthorized", "Operator endpoints need Authorization: Bearer <token>");
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return headers;
	}

}
