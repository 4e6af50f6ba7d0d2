package dev.xboxshop.inventory.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the shop sells, without the live stock. Entries never change once seeded.
 */
public record CatalogEntry(String sku, String name, String description, long priceCents, String imageUrl,
		int maxPerOrder) {

	Map<String, String> toHash() {
		Map<String, String> hash = new LinkedHashMap<>();
		hash.put("sku", this.sku);
		hash.put("name", this.name);
		hash.put("description", this.description);
		hash.put("priceCents", String.valueOf(this.priceCents));
		hash.put("imageUrl", this.imageUrl);
		hash.put("maxPerOrder", String.valueOf(this.maxPerOrder));
		return hash;
	}

	static CatalogEntry fromHash(Map<Object, Object> hash) {
		return new CatalogEntry(text(hash, "sku"), text(hash, "name"), text(hash, "description"),
				Long.parseLong(text(hash, "priceCents")), text(hash, "imageUrl"),
				Integer.parseInt(text(hash, "maxPerOrder")));
	}

	private static String text(Map<Object, Object> hash, String field) {
		Object value = hash.get(field);
		return (value != null) ? value.toString() : "";
	}

}
