package dev.xboxshop.cart.carts;

import dev.xboxshop.cart.catalog.CatalogProduct;

/**
 * One line of a cart, priced from the catalog.
 */
record CartItem(String sku, String name, long unitPriceCents, int quantity, long lineTotalCents) {

	static CartItem of(CatalogProduct product, int quantity) {
		return new CartItem(product.sku(), product.name(), product.priceCents(), quantity,
				product.priceCents() * quantity);
	}

}
