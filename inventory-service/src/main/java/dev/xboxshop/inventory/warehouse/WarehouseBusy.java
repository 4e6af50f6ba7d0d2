package dev.xboxshop.inventory.warehouse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

/**
 * The bulkhead is full: the caller may try again in a moment.
 */
public class WarehouseBusy extends ProblemException {

	public WarehouseBusy() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "warehouse-busy",
				"The warehouse is handling as many reservations as it can; try again shortly");
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return headers;
	}

}
