package dev.xboxshop.gateway.operator;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
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

	private final OperatorToken token;

	OperatorTokenGatewayFilterFactory(OperatorToken token) {
		this.token = token;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> {
			if (!this.token.presentedBy(exchange.getRequest())) {
				return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED,
						"Operator endpoints need Authorization: Bearer <operator token>."));
			}
			return chain.filter(exchange);
		};
	}

}
