package dev.xboxshop.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code shop.gateway.rate.limited}: requests the rate limiter turned away (429), by
 * route. The limiter throws on a rejection ({@code throw-on-limit}); this filter, first
 * in every route's chain, sees that error on its way to the problem handler. Route ids
 * come from the YAML, so the tag is bounded.
 */
@Component
class RateLimitRejections implements GlobalFilter, Ordered {

	private final MeterRegistry meters;

	RateLimitRejections(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange).doOnError(RateLimitRejections::isRateLimited, (ex) -> rejected(exchange));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private void rejected(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Counter.builder("shop.gateway.rate.limited")
			.description("Requests turned away by the rate limiter (429)")
			.tag("route", (route != null) ? route.getId() : "none")
			.register(this.meters)
			.increment();
	}

	private static boolean isRateLimited(Throwable ex) {
		return ex instanceof HttpStatusCodeException status
				&& status.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value();
	}

}
