package dev.xboxshop.gateway.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code OperatorToken} in a route's filters: the request passes only with
 * {@code Authorization: Bearer <shop.operator.token>}, else 401 problem+json. The
 * services check the token too; the edge refuses early so an attacker never reaches them.
 */
@Component
class OperatorTokenGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private final byte[] expected;

	OperatorTokenGatewayFilterFactory(OperatorProperties properties) {
		this.expected = ("Bearer " + properties.token()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> {
			String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (authorization == null
					|| !MessageDigest.isEqual(this.expected, authorization.getBytes(StandardCharsets.UTF_8))) {
				return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED,
						"Operator endpoints need Authorization: Bearer <operator token>."));
			}
			return chain.filter(exchange);
		};
	}

}
