package dev.xboxshop.order.inventory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import dev.xboxshop.order.OrderProperties;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

	/**
	 * The breaker around reservation calls: it opens when too many of them time out or
	 * fail, so checkout answers 503 at once instead of queueing on a sick warehouse.
	 */
	@Bean
	CircuitBreaker inventoryCircuitBreaker(OrderProperties properties) {
		OrderProperties.Breaker settings = properties.sync().breaker();
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRate())
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumCalls())
			.waitDurationInOpenState(settings.openFor())
			.permittedNumberOfCallsInHalfOpenState(3)
			.recordExceptions(WarehouseUnavailable.class)
			// full is not sick: a busy answer came fast, before stock was touched
			.ignoreExceptions(WarehouseBusy.class)
			.build();
		return CircuitBreaker.of("inventory", config);
	}

	@Bean
	InventoryClient inventoryClient(OrderProperties properties, CircuitBreaker inventoryCircuitBreaker, JsonMapper json,
			ObservationRegistry observations) {
		RestClient http = InventoryHttp.restClient(properties.inventoryUrl(), properties.sync().timeout(),
				observations);
		return new InventoryClient(http, inventoryCircuitBreaker, json);
	}

}
