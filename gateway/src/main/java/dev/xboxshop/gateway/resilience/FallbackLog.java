package dev.xboxshop.gateway.resilience;

import java.util.Optional;

import dev.xboxshop.gateway.edge.CorrelationIdFilter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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

	private final CircuitBreakerRegistry circuitBreakers;

	FallbackLog(ReactiveResilience4JCircuitBreakerFactory factory) {
		this.circuitBreakers = factory.getCircuitBreakerRegistry();
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
