package dev.xboxshop.cart.carts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Carts in Redis: {@code cart:{<cartId>}} is a hash sku -> quantity, and
 * {@code cart:{<cartId>}:lines} a hash sku -> the line's unit price and name as added, so
 * a cart renders without asking the catalog. Their TTL starts again on every write. Each
 * write and its TTL refresh run as one script (both keys in the cart's slot), so a cart
 * is never left without an expiry.
 */
@Repository
class CartRepository {

	private static final RedisScript<Long> SET_QUANTITY = RedisScript.of("""
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
			redis.call('PEXPIRE', KEYS[2], ARGV[3])
			return redis.call('PEXPIRE', KEYS[1], ARGV[3])
			""", Long.class);

	private static final RedisScript<Long> REMOVE_ITEM = RedisScript.of("""
			redis.call('HDEL', KEYS[1], ARGV[1])
			redis.call('HDEL', KEYS[2], ARGV[1])
			redis.call('PEXPIRE', KEYS[2], ARGV[2])
			return redis.call('PEXPIRE', KEYS[1], ARGV[2])
			""", Long.class);

	private final StringRedisTemplate redis;

	CartRepository(StringRedisTemplate redis) {
		this.redis = redis;
	}

	StoredCart find(CartId id) {
		Map<Object, Object> entries = this.redis.opsForHash().entries(id.redisKey());
		Long ttlMillis = this.redis.getExpire(id.redisKey(), TimeUnit.MILLISECONDS);
		SortedMap<String, Integer> quantities = new TreeMap<>();
		entries.forEach((sku, quantity) -> quantities.put((String) sku, Integer.valueOf((String) quantity)));
		Map<String, StoredCart.Line> lines = new HashMap<>();
		this.redis.opsForHash()
			.entries(linesKey(id))
			.forEach((sku, line) -> lines.put((String) sku, StoredCart.Line.decode((String) line)));
		Instant expiresAt = (ttlMillis != null && ttlMillis > 0) ? Instant.now().plusMillis(ttlMillis) : null;
		return new StoredCart(quantities, lines, expiresAt);
	}

	void setQuantity(CartId id, String sku, int quantity, StoredCart.Line line, Duration ttl) {
		this.redis.execute(SET_QUANTITY, List.of(id.redisKey(), linesKey(id)), sku, String.valueOf(quantity),
				String.valueOf(ttl.toMillis()), line.encoded());
	}

	/** Removes one line; the rest of the cart, if any, lives on for a full TTL. */
	void removeItem(CartId id, String sku, Duration ttl) {
		this.redis.execute(REMOVE_ITEM, List.of(id.redisKey(), linesKey(id)), sku, String.valueOf(ttl.toMillis()));
	}

	void delete(CartId id) {
		this.redis.delete(List.of(id.redisKey(), linesKey(id)));
	}

	private static String linesKey(CartId id) {
		return id.redisKey() + ":lines";
	}

}
