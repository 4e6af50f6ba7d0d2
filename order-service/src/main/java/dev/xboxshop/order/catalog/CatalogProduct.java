package dev.xboxshop.order.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of inventory-service's {@code Product} an order needs.
 *
 * @param sku the product
 * @param name its display name
 * @param priceCents its unit price
 * @param maxPerOrder most units one order may hold
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(String sku, String name, long priceCents, int maxPerOrder) {

	/** Whether inventory sent what an order needs (a sku, a name and a limit). */
	boolean isComplete() {
		return this.sku != null && !this.sku.isBlank() && this.name != null && this.maxPerOrder > 0
				&& this.priceCents >= 0;
	}

}
