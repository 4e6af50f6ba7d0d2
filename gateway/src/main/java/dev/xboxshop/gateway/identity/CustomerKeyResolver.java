package dev.xboxshop.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The rate-limit bucket of a verified customer: however many addresses a script sends
 * from, one customer token is one bucket. Without a customer it resolves nothing (the
 * limiter then refuses), so routes put {@code CustomerRequired} first.
 */
@Component("customerKeyResolver")
class CustomerKeyResolver implements KeyResolver {

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return Mono.justOrEmpty(CustomerIdentityFilter.customerOf(exchange)).map((id) -> "customer:" + id);
	}

}
