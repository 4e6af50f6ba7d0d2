package dev.xboxshop.cart.carts;

/**
 * One line of a cart, at the catalog's name and price when it was added.
 */
record CartItem(String sku, String name, long unitPriceCents, int quantity, long lineTotalCents) {

	static CartItem of(String sku, String name, long unitPriceCents, int quantity) {
		return new CartItem(sku, name, unitPriceCents, quantity, unitPriceCents * quantity);
	}

}
