package dev.xboxshop.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

import dev.xboxshop.gateway.problems.EdgeProblem;

/**
 * {@code CustomerRequired} in a route's filters: the request passes only with a verified
 * customer ({@link CustomerIdentityFilter}), else {@code 401 identity-required}. Put it
 * before the route's rate limiter, which counts per customer.
 */
@Component
class CustomerRequiredGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	static final String REFUSAL = "Placing an order needs a customer token: get one with POST /api/identity "
			+ "and send it as 'Authorization: Bearer <token>'.";

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> {
			if (CustomerIdentityFilter.customerOf(exchange).isEmpty()) {
				return Mono.error(new EdgeProblem("identity-required", REFUSAL));
			}
			return chain.filter(exchange);
		};
	}

}
