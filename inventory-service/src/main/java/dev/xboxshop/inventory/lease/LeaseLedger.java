package dev.xboxshop.inventory.lease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.catalog.StockKeys;

/**
 * Leases of stock to order-service replicas (escrow mode), each change one Lua script on
 * the sku's slot together with the stock hash.
 */
@Component
class LeaseLedger {

	private static final RedisScript<List> GRANT = script("grant-lease");

	private static final RedisScript<List> RETURN = script("return-lease");

	private static final RedisScript<List> EXPIRE = script("expire-leases");

	private static final RedisScript<List> SETTLE = script("settle-lease");

	private final StringRedisTemplate redis;

	private final Clock clock;

	LeaseLedger(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Grant up to {@code wanted} more units and extend the lease by {@code ttl}.
	 * @return the lease, status UNKNOWN for a sku without stock
	 */
	Lease grant(String sku, String replicaId, int wanted, long soldTotal, Duration ttl) {
		long expiresAt = this.clock.millis() + ttl.toMillis();
		List<String> keys = new ArrayList<>(keys(sku, replicaId));
		keys.add(LeaseKeys.holders(sku));
		return Lease.of(sku, replicaId, this.redis.execute(GRANT, keys, replicaId, String.valueOf(wanted),
				String.valueOf(expiresAt), String.valueOf(soldTotal)));
	}

	/** Give the lease's unsold units back ({@code soldTotal} is final). */
	Lease giveBack(String sku, String replicaId, long soldTotal) {
		return Lease.of(sku, replicaId,
				this.redis.execute(RETURN, keys(sku, replicaId), replicaId, String.valueOf(soldTotal)));
	}

	/**
	 * Close the sku's leases that have been expired for the grace (from when this was
	 * first asked and found them expired).
	 * @param grace how long an expired lease waits for its holder's report
	 * @return units returned by replica
	 */
	Map<String, Long> expire(String sku, Duration grace) {
		List<?> out = this.redis.execute(EXPIRE, List.of(StockKeys.stock(sku), LeaseKeys.leases(sku)),
				String.valueOf(this.clock.millis()), LeaseKeys.prefix(sku), String.valueOf(grace.toMillis()));
		Map<String, Long> returned = new LinkedHashMap<>();
		for (int i = 0; i + 1 < out.size(); i += 2) {
			returned.put((String) out.get(i), Long.parseLong(out.get(i + 1).toString()));
		}
		return returned;
	}

	/**
	 * Record a sale from a lease as a reservation of the order, at most once.
	 * @return 'new', 'late' (its lease had given the units back) or 'repeat'
	 */
	String settle(String orderId, String sku, int quantity, String replicaId) {
		List<?> out = this.redis.execute(SETTLE,
				List.of(StockKeys.stock(sku), LeaseKeys.lease(sku, replicaId), StockKeys.reservation(sku, orderId)),
				String.valueOf(quantity), replicaId);
		if ("UNKNOWN".equals(out.get(0))) {
			return "unknown";
		}
		this.redis.opsForSet().add(StockKeys.orderSkus(orderId), sku);
		return (String) out.get(1);
	}

	/** Every lease of the sku that exists (live or closed). */
	List<Lease> leases(String sku) {
		Set<String> holders = this.redis.opsForSet().members(LeaseKeys.holders(sku));
		List<Lease> leases = new ArrayList<>();
		for (String replicaId : (holders != null) ? holders : Set.<String>of()) {
			List<Object> f = this.redis.opsForHash()
				.multiGet(LeaseKeys.lease(sku, replicaId), List.of("granted", "settled", "returned", "expiresAt"));
			List<Object> answer = new ArrayList<>();
			answer.add((f.get(3) != null && !"0".equals(f.get(3))) ? "GRANTED" : "RETURNED");
			f.forEach((value) -> answer.add((value != null) ? value : "0"));
			answer.add("0");
			answer.add("0");
			leases.add(Lease.of(sku, replicaId, answer));
		}
		return leases;
	}

	private static List<String> keys(String sku, String replicaId) {
		return List.of(StockKeys.stock(sku), LeaseKeys.lease(sku, replicaId), LeaseKeys.leases(sku));
	}

	private static RedisScript<List> script(String name) {
		return RedisScript.of(text("lease-functions") + text(name), List.class);
	}

	private static String text(String name) {
		try {
			return new ClassPathResource("scripts/lease/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
