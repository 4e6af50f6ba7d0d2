package dev.xboxshop.web.gateway;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every call the storefront makes to the gateway goes through the {@code gateway}
 * bulkhead and circuit breaker ({@code resilience4j.*.instances.gateway} in
 * application.yml); GET, HEAD, PUT and DELETE also through the {@code gateway} retry
 * (only a connection that could not be made is tried again; the gateway retries the
 * services itself). A POST, an order above all, is never repeated here. Only no answer
 * counts against the breaker: a 5xx the gateway answered is the services' news, not the
 * gateway's sickness. A call the breaker or the bulkhead turns away is not sent and
 * answers 503 {@code service-unavailable}, which the pages show as their fallbacks.
 */
final class GatewayGuard implements ClientHttpRequestInterceptor {

	static final String NAME = "gateway";

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
			HttpMethod.DELETE);

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final Retry retry;

	GatewayGuard(CircuitBreaker breaker, Bulkhead bulkhead, Retry retry) {
		this.breaker = breaker;
		this.bulkhead = bulkhead;
		this.retry = retry;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Callable<ClientHttpResponse> call = CircuitBreaker.decorateCallable(this.breaker,
				Bulkhead.decorateCallable(this.bulkhead, () -> execution.execute(request, body)));
		if (IDEMPOTENT.contains(request.getMethod())) {
			call = Retry.decorateCallable(this.retry, call);
		}
		try {
			return call.call();
		}
		catch (CallNotPermittedException ex) {
			throw new GatewayProblem(503, "service-unavailable", "the storefront's gateway circuit is open");
		}
		catch (BulkheadFullException ex) {
			throw new GatewayProblem(503, "service-unavailable",
					"the storefront is waiting on as many gateway calls as it may");
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

}
