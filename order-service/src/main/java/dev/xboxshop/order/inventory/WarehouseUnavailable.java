package dev.xboxshop.order.inventory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * Inventory did not answer in time, answered with an error, or its circuit breaker is
 * open. The checkout fails fast with 503 instead of waiting.
 */
public class WarehouseUnavailable extends ProblemException {

	private final boolean mayHaveReserved;

	public WarehouseUnavailable(String detail, boolean mayHaveReserved) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "warehouse-unavailable", "Warehouse unavailable", detail);
		this.mayHaveReserved = mayHaveReserved;
		this.refusal = false;
	}

	private final boolean refusal;

	/**
	 * A refusal before anything was reserved, with its own problem type and
	 * {@code Retry-After}: asking again shortly is the remedy.
	 */
	WarehouseUnavailable(String slug, String title, String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, slug, title, detail);
		this.mayHaveReserved = false;
		this.refusal = true;
	}

	@Override
	public HttpHeaders headers() {
		if (!this.refusal) {
			return super.headers();
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return headers;
	}

	/**
	 * Whether the request may have reached inventory and reserved stock after all (a
	 * timeout or a broken connection), so the reservation must be released.
	 * @return true unless the call was never sent
	 */
	public boolean mayHaveReserved() {
		return this.mayHaveReserved;
	}

}
