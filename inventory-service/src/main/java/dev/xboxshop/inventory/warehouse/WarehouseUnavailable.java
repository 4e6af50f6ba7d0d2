package dev.xboxshop.inventory.warehouse;

import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

/**
 * The warehouse is down or failed this call; nothing was changed.
 */
public class WarehouseUnavailable extends ProblemException {

	public WarehouseUnavailable(String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "warehouse-unavailable", detail);
	}

}
