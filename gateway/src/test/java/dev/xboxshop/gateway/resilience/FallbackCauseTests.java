package dev.xboxshop.gateway.resilience;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fallback's cause becomes one of a few tag values, whatever the exception says (a
 * status the service answered with: {@code GatewayMetricsIntegrationTests}).
 */
class FallbackCauseTests {

	@Test
	void namesEachCauseWithOneOfAFewValues() {
		assertThat(FallbackLog.causeOf(null)).isEqualTo("unknown");
		assertThat(FallbackLog
			.causeOf(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("inventory"))))
			.isEqualTo("circuit_open");
		assertThat(FallbackLog.causeOf(BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("cart"))))
			.isEqualTo("bulkhead_full");
		assertThat(FallbackLog.causeOf(new IllegalStateException("wrapped", new TimeoutException("5000 ms"))))
			.isEqualTo("timeout");
		assertThat(FallbackLog.causeOf(new ConnectException("Connection refused: /127.0.0.1:41234")))
			.isEqualTo("connect");
		assertThat(FallbackLog.causeOf(new IllegalArgumentException("order 8a6f4c1e went wrong"))).isEqualTo("other");
	}

}
