package dev.xboxshop.inventory.catalog;

import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

/**
 * No product has this sku.
 */
public class UnknownProduct extends ProblemException {

	public UnknownProduct(String sku) {
		super(HttpStatus.NOT_FOUND, "unknown-product", "No product with sku '" + sku + "'");
	}

}
