package dev.xboxshop.web.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.xboxshop.web.gateway.Product;

/**
 * A product with its stock as the page shows it: live, or the last known answer from the
 * cache.
 *
 * @param product the product
 * @param stale whether this is the cached answer because the live one did not come in
 * time
 * @param asOf when the answer was fetched
 */
public record ProductStock(Product product, boolean stale, Instant asOf) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	public int available() {
		return Math.max(0, this.product.available());
	}

	public boolean isSoldOut() {
		return this.product.available() <= 0;
	}

	/** e.g. "12:04:31", for "as of 12:04:31". */
	public String asOfTime() {
		return TIME.format(this.asOf);
	}

}
