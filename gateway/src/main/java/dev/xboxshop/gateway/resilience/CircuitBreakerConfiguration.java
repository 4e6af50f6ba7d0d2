package dev.xboxshop.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One default for every circuit breaker the routes name (inventory, cart, order). The
 * time limiter's default of 1 s would cut slow but healthy reads, so it is a property.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CircuitBreakerConfiguration.class);

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ResilienceProperties properties) {
		CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumCalls())
			.waitDurationInOpenState(properties.openFor())
			.build();
		TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).build();
		return (factory) -> {
			factory.configureDefault((id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(circuitBreaker)
				.timeLimiterConfig(timeLimiter)
				.build());
			// a circuit that opens or closes says so, with the failure rate that moved it
			factory.getCircuitBreakerRegistry()
				.getEventPublisher()
				.onEntryAdded((added) -> added.getAddedEntry()
					.getEventPublisher()
					.onStateTransition((event) -> log.warn("circuit {} {} (failure rate {} %, slow calls {} %)",
							event.getCircuitBreakerName(), event.getStateTransition(),
							added.getAddedEntry().getMetrics().getFailureRate(),
							added.getAddedEntry().getMetrics().getSlowCallRate())));
		};
	}

}
