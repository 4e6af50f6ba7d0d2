package dev.xboxshop.cart.catalog;

import dev.xboxshop.cart.problems.ShopProblem;

import org.springframework.http.HttpStatus;

/**
 * The catalog has no product with this sku.
 */
public class UnknownProduct extends ShopProblem {

	public UnknownProduct(String sku) {
		super(HttpStatus.NOT_FOUND, "unknown-product", "There is no product with sku '" + sku + "'.");
	}

}
