package dev.xboxshop.inventory.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog in Redis: one hash per product ({@code inv:product:<sku>}) and a sorted set
 * of skus in display order ({@code inv:products}).
 */
@Component
public class ProductCatalog {

	static final String INDEX = "inv:products";

	private final StringRedisTemplate redis;

	// Entries never change after seeding, so each replica reads one at most once.
	private final Map<String, CatalogEntry> entries = new ConcurrentHashMap<>();

	ProductCatalog(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Adds the entry unless a product with its sku exists; replicas starting together may
	 * both write, and write the same thing.
	 */
	public boolean addIfAbsent(CatalogEntry entry, int position) {
		String key = key(entry.sku());
		boolean absent = !Boolean.TRUE.equals(this.redis.hasKey(key));
		if (absent) {
			this.redis.opsForHash().putAll(key, entry.toHash());
		}
		this.redis.opsForZSet().addIfAbsent(INDEX, entry.sku(), position);
		return absent;
	}

	public Optional<CatalogEntry> entry(String sku) {
		CatalogEntry known = this.entries.get(sku);
		if (known != null) {
			return Optional.of(known);
		}
		Map<Object, Object> hash = this.redis.opsForHash().entries(key(sku));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		CatalogEntry entry = CatalogEntry.fromHash(hash);
		this.entries.put(sku, entry);
		return Optional.of(entry);
	}

	public List<CatalogEntry> entries() {
		Set<String> skus = this.redis.opsForZSet().range(INDEX, 0, -1);
		if (skus == null) {
			return List.of();
		}
		return skus.stream().map(this::entry).flatMap(Optional::stream).toList();
	}

	private static String key(String sku) {
		return "inv:product:" + sku;
	}

}
