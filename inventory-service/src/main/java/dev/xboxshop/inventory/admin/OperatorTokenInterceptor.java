package dev.xboxshop.inventory.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through to an operator endpoint only with the operator's bearer token.
 * Runs before the body is read, so a caller without the token learns nothing else.
 */
class OperatorTokenInterceptor implements HandlerInterceptor {

	private final byte[] expected;

	OperatorTokenInterceptor(String token) {
		this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		// constant-time, so response timing does not reveal how much of a guess was right
		if (header == null || !MessageDigest.isEqual(this.expected, header.getBytes(StandardCharsets.UTF_8))) {
			throw new Unauthorized();
		}
		return true;
	}

}
