package dev.xboxshop.inventory.catalog;

import java.util.Map;

/**
 * One sku's stock ledger as the auditor reads it; {@code conserved} is
 * {@code available + leased + reserved + sold == initial + adjustments} with nothing
 * negative.
 */
public record StockLevel(String sku, long initial, long adjustments, long available, long leased, long reserved,
		long sold, boolean conserved) {

	static StockLevel of(String sku, Map<Object, Object> hash) {
		long initial = field(hash, "initial");
		long adjustments = field(hash, "adjustments");
		long available = field(hash, "available");
		long leased = field(hash, "leased");
		long reserved = field(hash, "reserved");
		long sold = field(hash, "sold");
		boolean conserved = available >= 0 && leased >= 0 && reserved >= 0 && sold >= 0
				&& available + leased + reserved + sold == initial + adjustments;
		return new StockLevel(sku, initial, adjustments, available, leased, reserved, sold, conserved);
	}

	private static long field(Map<Object, Object> hash, String name) {
		Object value = hash.get(name);
		return (value != null) ? Long.parseLong(value.toString()) : 0;
	}

}
