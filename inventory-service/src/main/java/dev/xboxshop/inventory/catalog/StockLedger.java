package dev.xboxshop.inventory.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The stock hash of each sku ({@code available reserved sold initial adjustments}):
 * opening, reading and operator adjustments. Reservations change it through their own
 * scripts.
 */
@Component
public class StockLedger {

	private static final RedisScript<Long> OPEN = RedisScript.of(new ClassPathResource("scripts/open-stock.lua"),
			Long.class);

	private static final RedisScript<Long> SET_AVAILABLE = RedisScript
		.of(new ClassPathResource("scripts/set-available.lua"), Long.class);

	private final StringRedisTemplate redis;

	StockLedger(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Opens the ledger with its initial units unless it exists already.
	 * @return whether this call opened it
	 */
	public boolean openIfAbsent(String sku, long initial) {
		Long opened = this.redis.execute(OPEN, List.of(StockKeys.stock(sku)), String.valueOf(initial));
		return Long.valueOf(1).equals(opened);
	}

	public Optional<StockLevel> level(String sku) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(StockKeys.stock(sku));
		return hash.isEmpty() ? Optional.empty() : Optional.of(StockLevel.of(sku, hash));
	}

	/**
	 * Sets the available units; the difference is booked as an adjustment.
	 * @return the new level, empty for an unknown sku
	 */
	public Optional<StockLevel> setAvailable(String sku, long available) {
		Long done = this.redis.execute(SET_AVAILABLE, List.of(StockKeys.stock(sku)), String.valueOf(available));
		return Long.valueOf(1).equals(done) ? level(sku) : Optional.empty();
	}

	/**
	 * The available units of several skus in one round trip, in the order asked; -1 where
	 * a sku has no ledger.
	 */
	public List<Long> available(List<String> skus) {
		List<Object> values = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			skus.forEach((sku) -> hashGet(connection, StockKeys.stock(sku), "available"));
			return null;
		});
		List<Long> available = new ArrayList<>(values.size());
		values.forEach((value) -> available.add((value != null) ? Long.parseLong(value.toString()) : -1));
		return available;
	}

	private static void hashGet(RedisConnection connection, String key, String field) {
		connection.hashCommands().hGet(key.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
	}

}
