package dev.xboxshop.gateway.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Whether a request carries {@code Authorization: Bearer <shop.operator.token>}, compared
 * in constant time.
 */
@Component
class OperatorToken {

	private final byte[] expected;

	OperatorToken(OperatorProperties properties) {
		this.expected = ("Bearer " + properties.token()).getBytes(StandardCharsets.UTF_8);
	}

	boolean presentedBy(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return authorization != null
				&& MessageDigest.isEqual(this.expected, authorization.getBytes(StandardCharsets.UTF_8));
	}

}
