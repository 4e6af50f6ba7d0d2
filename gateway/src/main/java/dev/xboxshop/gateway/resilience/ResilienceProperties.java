package dev.xboxshop.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breaker settings shared by every route's {@code CircuitBreaker} filter
 * ({@code shop.gateway.circuit-breaker.*}).
 *
 * @param timeout longest a guarded call may take before it counts as failed
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the rate means anything
 * @param openFor how long an open circuit answers with the fallback before it tries again
 */
@ConfigurationProperties("shop.gateway.circuit-breaker")
record ResilienceProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumCalls,
		@DefaultValue("10s") Duration openFor) {

}
