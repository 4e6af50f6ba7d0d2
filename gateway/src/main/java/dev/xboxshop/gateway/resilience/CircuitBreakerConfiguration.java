package dev.xboxshop.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The breakers, time limiters and bulkheads the routes name (inventory, cart, order) are
 * configured in application.yml ({@code resilience4j.*.instances}); this only makes a
 * circuit that opens or closes say so, with the failure rate that moved it.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CircuitBreakerConfiguration.class);

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerStateLog() {
		return (factory) -> {
			CircuitBreakerRegistry registry = factory.getCircuitBreakerRegistry();
			// the instances of application.yml exist before this runs; later ones are
			// added
			registry.getAllCircuitBreakers().forEach(CircuitBreakerConfiguration::logTransitions);
			registry.getEventPublisher().onEntryAdded((added) -> logTransitions(added.getAddedEntry()));
		};
	}

	private static void logTransitions(io.github.resilience4j.circuitbreaker.CircuitBreaker circuit) {
		circuit.getEventPublisher()
			.onStateTransition((event) -> log.warn("circuit {} {} (failure rate {} %, slow calls {} %)",
					event.getCircuitBreakerName(), event.getStateTransition(), circuit.getMetrics().getFailureRate(),
					circuit.getMetrics().getSlowCallRate()));
	}

}
