package dev.xboxshop.web.parts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.xboxshop.web.WebTierProperties;
import dev.xboxshop.web.gateway.Product;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The last product answer per sku, kept in memory for a short while so a late or failing
 * inventory shows last known stock (labelled stale) instead of nothing. Soft state only:
 * losing it on a restart or on another replica costs nothing but a fallback.
 */
@Component
class StockCache {

	private final Map<String, ProductStock> lastKnown = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final Clock clock;

	@Autowired
	StockCache(WebTierProperties properties) {
		this(properties.stockCacheTtl(), Clock.systemDefaultZone());
	}

	StockCache(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	/** Remembers a live answer and returns it as shown now. */
	ProductStock remember(Product product) {
		ProductStock live = new ProductStock(product, false, this.clock.instant());
		this.lastKnown.put(product.sku(), live);
		return live;
	}

	/** Forgets everything, as a restart would. */
	void clear() {
		this.lastKnown.clear();
	}

	/** The last live answer as a stale one, if it is young enough to be worth showing. */
	Optional<ProductStock> lastKnown(String sku) {
		ProductStock known = this.lastKnown.get(sku);
		if (known == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (known.asOf().plus(this.ttl).isBefore(now)) {
			this.lastKnown.remove(sku, known);
			return Optional.empty();
		}
		return Optional.of(new ProductStock(known.product(), true, known.asOf()));
	}

}
