package dev.xboxshop.order.inventory;

import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * Inventory has no such sku.
 */
public class UnknownProduct extends ProblemException {

	public UnknownProduct(String sku) {
		super(HttpStatus.NOT_FOUND, "unknown-product", "Unknown product", "There is no product '" + sku + "'.");
	}

}
