package dev.xboxshop.order.inventory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most units of each sku this replica knows are left, from inventory's latest word: a
 * sold-out answer for {@code n} units means fewer than {@code n}; a stock reading says
 * how many are available; a reservation that succeeded means nothing is known. While the
 * breaker or the bulkhead turns reservations away, an order this knowledge already
 * refuses is told "sold out" (409, final) rather than "try again" (503).
 * <p>
 * The word counts only while fewer failed calls have followed it than could open the
 * breaker on their own ({@code staleAfterFailures}, the breaker's minimum number of
 * calls): under a rush the breaker opens on timeouts mixed with sold-out answers, so the
 * word is fresh; a breaker that failures alone opened says inventory fell ill after the
 * word, and a restock this replica never saw may have come in between.
 */
class KnownStock {

	private final Map<String, Word> words = new ConcurrentHashMap<>();

	private final AtomicLong failures = new AtomicLong();

	private final int staleAfterFailures;

	KnownStock(int staleAfterFailures) {
		this.staleAfterFailures = staleAfterFailures;
	}

	void answered(String sku, int quantity, boolean reserved) {
		if (reserved) {
			this.words.remove(sku);
		}
		else {
			this.words.put(sku, new Word(quantity - 1, this.failures.get()));
		}
	}

	void read(List<StockLevel> levels) {
		for (StockLevel level : levels) {
			if (level.sku() != null) {
				int left = (int) Math.min(Integer.MAX_VALUE, Math.max(0, level.available()));
				this.words.put(level.sku(), new Word(left, this.failures.get()));
			}
		}
	}

	/**
	 * The breaker recorded a failed call to inventory (no answer in time, or an error).
	 */
	void failed() {
		this.failures.incrementAndGet();
	}

	boolean soldOut(String sku, int quantity) {
		Word word = this.words.get(sku);
		return word != null && quantity > word.mostLeft()
				&& this.failures.get() - word.failuresBefore() < this.staleAfterFailures;
	}

	private record Word(int mostLeft, long failuresBefore) {

	}

}
