package dev.xboxshop.order.inventory;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import dev.xboxshop.order.OrderProperties;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

	/**
	 * The breaker around every call to inventory, configured under
	 * {@code resilience4j.circuitbreaker.instances.inventory}: it opens when too many
	 * calls time out or fail, so checkout answers at once instead of queueing on a sick
	 * warehouse.
	 */
	@Bean
	CircuitBreaker inventoryCircuitBreaker(CircuitBreakerRegistry breakers) {
		return breakers.circuitBreaker(InventoryGuard.NAME);
	}

	@Bean
	InventoryGuard inventoryGuard(CircuitBreaker inventoryCircuitBreaker, BulkheadRegistry bulkheads,
			RetryRegistry retries) {
		return new InventoryGuard(inventoryCircuitBreaker, bulkheads.bulkhead(InventoryGuard.NAME),
				retries.retry(InventoryGuard.NAME));
	}

	@Bean
	InventoryClient inventoryClient(OrderProperties properties, InventoryGuard inventoryGuard, JsonMapper json,
			ObservationRegistry observations) {
		RestClient http = InventoryHttp.restClient(properties.inventoryUrl(), properties.sync().timeout(),
				observations);
		CircuitBreaker breaker = inventoryGuard.breaker();
		KnownStock known = new KnownStock(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls());
		// every failure the breaker records, of any call to inventory, ages what is known
		breaker.getEventPublisher().onError((failure) -> known.failed());
		return new InventoryClient(http, inventoryGuard, known, json);
	}

}
