package dev.xboxshop.cart.carts;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * What Redis holds for one cart: quantities by sku, each line's name and unit price as
 * the catalog gave them when it was added (absent for lines stored before carts kept
 * them), and when the key expires (null when there is no key).
 */
record StoredCart(SortedMap<String, Integer> quantities, Map<String, Line> lines, Instant expiresAt) {

	/** A line's name and unit price, as added. */
	record Line(String name, long unitPriceCents) {

		/** As kept in Redis: {@code <cents> TAB <name>}. */
		String encoded() {
			return this.unitPriceCents + "\t" + this.name;
		}

		static Line decode(String value) {
			int tab = value.indexOf('\t');
			return new Line(value.substring(tab + 1), Long.parseLong(value.substring(0, tab)));
		}

	}

}
