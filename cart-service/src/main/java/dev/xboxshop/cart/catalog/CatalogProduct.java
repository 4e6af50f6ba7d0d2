package dev.xboxshop.cart.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of inventory-service's {@code Product} a cart needs.
 *
 * @param sku the product's sku
 * @param name display name
 * @param priceCents unit price in cents
 * @param maxPerOrder most units one order (and so one cart line) may hold
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(String sku, String name, long priceCents, Integer maxPerOrder) {

	/** Used when the catalog names no limit, so a cart line is never unbounded. */
	static final int DEFAULT_MAX_PER_ORDER = 10;

	public int quantityLimit() {
		return (this.maxPerOrder != null && this.maxPerOrder > 0) ? this.maxPerOrder : DEFAULT_MAX_PER_ORDER;
	}

}
