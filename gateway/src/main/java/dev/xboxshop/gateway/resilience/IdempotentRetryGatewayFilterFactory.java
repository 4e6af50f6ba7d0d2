package dev.xboxshop.gateway.resilience;

import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.stereotype.Component;

/**
 * {@code IdempotentRetry} in a route's filters: the stock {@code Retry} (same arguments),
 * applied only to requests that carry an {@code Idempotency-Key}. A POST without one
 * might be applied twice by a retry, so it is never retried; with one, the service
 * answers a repeat with the first outcome.
 */
@Component
class IdempotentRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final RetryGatewayFilterFactory retry = new RetryGatewayFilterFactory();

	IdempotentRetryGatewayFilterFactory() {
		super(RetryConfig.class);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return this.retry.shortcutFieldOrder();
	}

	@Override
	public GatewayFilter apply(RetryConfig config) {
		// the delegate asks the gateway to cache request bodies on this route, so a retry
		// can send the body again
		this.retry.setApplicationEventPublisher(getPublisher());
		GatewayFilter retrying = this.retry.apply(config);
		return (exchange, chain) -> {
			String key = exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_KEY);
			return (key != null && !key.isBlank()) ? retrying.filter(exchange, chain) : chain.filter(exchange);
		};
	}

}
