package dev.xboxshop.gateway.operator;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dev.xboxshop.websupport.operator.OperatorToken;

/**
 * {@code OperatorToken} in a route's filters: the request passes only with
 * {@code Authorization: Bearer <shop.operator.token>}, else 401 problem+json, by the same
 * {@link OperatorToken} check as the services (a blank token fails the start). The
 * services check the token too; the edge refuses early so an attacker never reaches them.
 */
@Component
class OperatorTokenGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private final OperatorToken token;

	OperatorTokenGatewayFilterFactory(OperatorToken token) {
		this.token = token;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> {
			if (!this.token.admits(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
				return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, OperatorToken.REFUSAL));
			}
			return chain.filter(exchange);
		};
	}

}
