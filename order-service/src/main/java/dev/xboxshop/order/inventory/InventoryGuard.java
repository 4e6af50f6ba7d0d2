package dev.xboxshop.order.inventory;

import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

/**
 * The one way this service calls inventory-service: every call through the
 * {@code inventory} bulkhead and circuit breaker
 * ({@code resilience4j.*.instances.inventory} in application.yml); only idempotent calls
 * (reads, and releases or give-backs named by their ids) through the {@code inventory}
 * retry. Each call's timeout is its HTTP client's. A call the breaker or the bulkhead
 * turns away is never sent and answers {@link CallRefused}.
 */
public final class InventoryGuard {

	/** The name of the breaker, bulkhead and retry: the downstream's. */
	public static final String NAME = "inventory";

	private final CircuitBreaker breaker;

	private final Bulkhead bulkhead;

	private final Retry retry;

	public InventoryGuard(CircuitBreaker breaker, Bulkhead bulkhead, Retry retry) {
		this.breaker = breaker;
		this.bulkhead = bulkhead;
		this.retry = retry;
	}

	CircuitBreaker breaker() {
		return this.breaker;
	}

	/**
	 * A call that must not be repeated here (a reservation, a lease grant).
	 * @throws CallRefused when the breaker is open or the bulkhead full
	 */
	public <T> T once(Supplier<T> call) {
		return refusedAsProblem(guarded(call));
	}

	/**
	 * An idempotent call: repeated on a failure that may pass (see the retry's
	 * {@code retry-exceptions}), never on a refusal.
	 * @throws CallRefused when the breaker is open or the bulkhead full
	 */
	public <T> T idempotent(Supplier<T> call) {
		return refusedAsProblem(Retry.decorateSupplier(this.retry, guarded(call)));
	}

	private <T> Supplier<T> guarded(Supplier<T> call) {
		return CircuitBreaker.decorateSupplier(this.breaker, Bulkhead.decorateSupplier(this.bulkhead, call));
	}

	private static <T> T refusedAsProblem(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (CallNotPermittedException ex) {
			throw CallRefused.breakerOpen();
		}
		catch (BulkheadFullException ex) {
			throw CallRefused.bulkheadFull();
		}
	}

}
