package dev.xboxshop.websupport.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every service's Resilience4j breakers, bulkheads and retries on the actuator: as
 * {@code resilience4j_*} meters and as the {@code circuitBreakers} health component (each
 * breaker's state and failure rate). resilience4j-spring-boot3 builds the registries from
 * {@code resilience4j.*} but binds neither on Spring Boot 4, whose metrics and health
 * classes moved. An open breaker is reported, never turned into DOWN: a service whose
 * downstream is sick still answers (fast) and must stay in rotation.
 */
@AutoConfiguration(
		afterName = { "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
				"io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration",
				"io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration",
				"org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration",
				"org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JAutoConfiguration" })
@ConditionalOnClass(CircuitBreakerRegistry.class)
public class ResilienceAutoConfiguration {

	/**
	 * Spring Cloud CircuitBreaker (the gateway) binds its own, with a {@code group} tag.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ MeterBinder.class, TaggedCircuitBreakerMetrics.class })
	@ConditionalOnMissingClass("org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JAutoConfiguration")
	static class Meters {

		@Bean
		@ConditionalOnBean(CircuitBreakerRegistry.class)
		MeterBinder resilienceMeters(CircuitBreakerRegistry breakers, ObjectProvider<BulkheadRegistry> bulkheads,
				ObjectProvider<RetryRegistry> retries) {
			return (meters) -> {
				TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
				bulkheads.ifAvailable((registry) -> TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters));
				retries.ifAvailable((registry) -> TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class Breakers {

		@Bean
		@ConditionalOnBean(CircuitBreakerRegistry.class)
		HealthIndicator circuitBreakers(CircuitBreakerRegistry breakers) {
			return () -> {
				Map<String, Object> details = new LinkedHashMap<>();
				breakers.getAllCircuitBreakers()
					.stream()
					.sorted((a, b) -> a.getName().compareTo(b.getName()))
					.forEach((breaker) -> details.put(breaker.getName(), detailsOf(breaker)));
				return Health.up().withDetails(details).build();
			};
		}

		private static Map<String, Object> detailsOf(CircuitBreaker breaker) {
			CircuitBreaker.Metrics metrics = breaker.getMetrics();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("state", breaker.getState().name());
			details.put("failureRate", metrics.getFailureRate());
			details.put("bufferedCalls", metrics.getNumberOfBufferedCalls());
			details.put("failedCalls", metrics.getNumberOfFailedCalls());
			details.put("notPermittedCalls", metrics.getNumberOfNotPermittedCalls());
			return details;
		}

	}

}
