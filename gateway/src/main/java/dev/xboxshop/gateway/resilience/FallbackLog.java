package dev.xboxshop.gateway.resilience;

import java.net.ConnectException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.xboxshop.gateway.edge.CorrelationIdFilter;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory.CircuitBreakerStatusCodeException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * One log line per circuit-breaker fallback: which request (method, path, correlation
 * id), what tripped it (the exception, or the status the service answered with) and the
 * state of the breaker. Without it a 503 fallback says nothing about why.
 */
@Component
public class FallbackLog {

	private static final Logger log = LoggerFactory.getLogger(FallbackLog.class);

	/** The breakers the routes name; anything else is counted as {@code other}. */
	private static final Set<String> BREAKERS = Set.of("inventory", "cart", "order");

	private final CircuitBreakerRegistry circuitBreakers;

	private final MeterRegistry meters;

	FallbackLog(ReactiveResilience4JCircuitBreakerFactory factory, MeterRegistry meters) {
		this.circuitBreakers = factory.getCircuitBreakerRegistry();
		this.meters = meters;
	}

	/**
	 * Logs why the request fell back.
	 * @param breaker the circuit breaker's name (the route's {@code CircuitBreaker} name)
	 * @param exchange the forwarded exchange the fallback answers
	 */
	public void fellBack(String breaker, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		String path = exchange.getAttribute(CorrelationIdFilter.ORIGINAL_PATH_ATTRIBUTE);
		log.warn("fallback {} {} correlationId={} circuit={} state={} cause={}", exchange.getRequest().getMethod(),
				(path != null) ? path : exchange.getRequest().getPath().value(),
				exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE), breaker, stateOf(breaker), describe(cause));
		Counter.builder("shop.gateway.fallbacks")
			.description("Circuit-breaker fallbacks by service and cause")
			.tag("service", BREAKERS.contains(breaker) ? breaker : "other")
			.tag("cause", causeOf(cause))
			.register(this.meters)
			.increment();
	}

	/**
	 * What tripped a fallback, as one of a few names (a metric's tag):
	 * {@code circuit_open}, {@code bulkhead_full}, {@code timeout}, {@code connect},
	 * {@code status_<5xx>} (the service answered with a status the route falls back on),
	 * {@code other} or {@code unknown}.
	 */
	static String causeOf(Throwable cause) {
		if (cause == null) {
			return "unknown";
		}
		if (cause instanceof CircuitBreakerStatusCodeException status && status.getStatusCode().is5xxServerError()) {
			return "status_" + status.getStatusCode().value();
		}
		for (Throwable step = cause; step != null; step = (step.getCause() != step) ? step.getCause() : null) {
			if (step instanceof CallNotPermittedException) {
				return "circuit_open";
			}
			if (step instanceof BulkheadFullException) {
				return "bulkhead_full";
			}
			if (step instanceof TimeoutException || step instanceof io.netty.handler.timeout.TimeoutException) {
				return "timeout";
			}
			if (step instanceof ConnectException) {
				return "connect";
			}
		}
		return "other";
	}

	private String stateOf(String breaker) {
		Optional<CircuitBreaker> circuit = this.circuitBreakers.find(breaker);
		return circuit.map(FallbackLog::stateOf).orElse("unknown");
	}

	private static String stateOf(CircuitBreaker circuit) {
		CircuitBreaker.Metrics metrics = circuit.getMetrics();
		float rate = metrics.getFailureRate();
		// Resilience4j answers -1 until the window holds the minimum number of calls
		String failures = (rate < 0) ? "too few calls for a failure rate" : "failure rate " + rate + " %";
		return circuit.getState() + " (" + failures + ", " + metrics.getNumberOfFailedCalls() + " of "
				+ metrics.getNumberOfBufferedCalls() + " calls failed)";
	}

	static String describe(Throwable cause) {
		if (cause == null) {
			return "unknown";
		}
		if (cause instanceof CircuitBreakerStatusCodeException status) {
			return "the service answered " + status.getStatusCode().value();
		}
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == cause) ? cause.toString() : cause + " caused by " + root;
	}

}
