package dev.xboxshop.order.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import dev.xboxshop.order.RedisKeys;

/**
 * Order-service's own copy of the catalog in Redis (the tier-2 cache), shared by every
 * replica: checkout reads it instead of asking inventory, so it prices and validates
 * orders while inventory is slow or down.
 */
@Repository
class CatalogRepository {

	private static final RedisScript<Long> REPLACE = RedisScript
		.of(new ClassPathResource("scripts/replace-catalog.lua"), Long.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	CatalogRepository(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/**
	 * The products with these skus, as last listed.
	 * @param skus the skus
	 * @return the ones the copy holds, by sku
	 */
	Map<String, CatalogProduct> find(List<String> skus) {
		List<Object> values = this.redis.opsForHash().multiGet(RedisKeys.CATALOG, new ArrayList<>(skus));
		Map<String, CatalogProduct> found = new HashMap<>();
		for (int i = 0; i < skus.size(); i++) {
			Object value = (values != null) ? values.get(i) : null;
			if (value != null) {
				found.put(skus.get(i), this.json.readValue(value.toString(), CatalogProduct.class));
			}
		}
		return found;
	}

	/** When the copy was last listed, or empty if there is no copy. */
	Optional<Instant> listedAt() {
		String millis = this.redis.opsForValue().get(RedisKeys.CATALOG_LISTED_AT);
		return Optional.ofNullable(millis).map((value) -> Instant.ofEpochMilli(Long.parseLong(value)));
	}

	/**
	 * Replace the copy with a new listing.
	 * @param products every product
	 * @param listedAt when inventory listed them
	 */
	void replace(List<CatalogProduct> products, Instant listedAt) {
		List<String> args = new ArrayList<>();
		args.add(String.valueOf(listedAt.toEpochMilli()));
		for (CatalogProduct product : products) {
			args.add(product.sku());
			args.add(this.json.writeValueAsString(product));
		}
		this.redis.execute(REPLACE, List.of(RedisKeys.CATALOG, RedisKeys.CATALOG_LISTED_AT), args.toArray());
	}

}
