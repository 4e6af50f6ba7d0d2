package dev.xboxshop.inventory.catalog;

import java.time.Instant;

/**
 * A catalog entry with its live stock; {@code availableAsOf} says when the count was
 * read, since it may be a moment old by the time a shopper sees it.
 */
record Product(String sku, String name, String description, long priceCents, String imageUrl, long available,
		int maxPerOrder, Instant availableAsOf) {

	static Product of(CatalogEntry entry, long available, Instant readAt) {
		return new Product(entry.sku(), entry.name(), entry.description(), entry.priceCents(), entry.imageUrl(),
				Math.max(available, 0), entry.maxPerOrder(), readAt);
	}

}
