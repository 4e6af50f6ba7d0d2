package dev.xboxshop.order.inventory;

/**
 * A call to inventory this service did not send: the {@code inventory} circuit breaker is
 * open (503 {@code warehouse-unavailable}) or the {@code inventory} bulkhead is full (503
 * {@code warehouse-busy}), both with {@code Retry-After}. Nothing was reserved.
 */
public final class CallRefused extends WarehouseUnavailable {

	private CallRefused(String slug, String title, String detail) {
		super(slug, title, detail);
	}

	static CallRefused breakerOpen() {
		return new CallRefused("warehouse-unavailable", "Warehouse unavailable",
				"The warehouse is not answering; checkout is paused for a moment.");
	}

	static CallRefused bulkheadFull() {
		return new CallRefused("warehouse-busy", "Warehouse busy",
				"This shop is waiting on as many warehouse calls as it may; please try again shortly.");
	}

}
