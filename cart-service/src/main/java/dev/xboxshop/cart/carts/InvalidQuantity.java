package dev.xboxshop.cart.carts;

import dev.xboxshop.cart.problems.ShopProblem;

import org.springframework.http.HttpStatus;

/**
 * A cart line quantity outside 1 .. the product's per-order maximum.
 */
class InvalidQuantity extends ShopProblem {

	InvalidQuantity(String sku, int quantity, int max) {
		super(HttpStatus.BAD_REQUEST, "invalid-quantity",
				"Quantity " + quantity + " of '" + sku + "' is not between 1 and " + max + ".");
	}

}
