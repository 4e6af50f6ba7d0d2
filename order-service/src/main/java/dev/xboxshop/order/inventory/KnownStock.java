package dev.xboxshop.order.inventory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The most units of each sku this replica knows are left, from inventory's latest word: a
 * sold-out answer for {@code n} units means fewer than {@code n}; a stock reading says
 * how many are available; a reservation that succeeded means nothing is known. While the
 * breaker or the bulkhead turns reservations away, an order this knowledge already
 * refuses is told "sold out" (409, final) rather than "try again" (503).
 */
class KnownStock {

	private final Map<String, Integer> mostLeft = new ConcurrentHashMap<>();

	void answered(String sku, int quantity, boolean reserved) {
		if (reserved) {
			this.mostLeft.remove(sku);
		}
		else {
			this.mostLeft.put(sku, quantity - 1);
		}
	}

	void read(List<StockLevel> levels) {
		for (StockLevel level : levels) {
			if (level.sku() != null) {
				this.mostLeft.put(level.sku(), (int) Math.min(Integer.MAX_VALUE, Math.max(0, level.available())));
			}
		}
	}

	boolean soldOut(String sku, int quantity) {
		Integer left = this.mostLeft.get(sku);
		return left != null && quantity > left;
	}

}
