package dev.xboxshop.inventory.reservation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.catalog.StockKeys;

/**
 * Runs the reservation scripts: each is one atomic step on one sku's slot that changes
 * the stock and the order's reservation record together.
 */
@Component
class ReservationRepository {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RESERVE = RedisScript.of(new ClassPathResource("scripts/reserve.lua"),
			List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RELEASE = RedisScript.of(new ClassPathResource("scripts/release.lua"),
			List.class);

	private final StringRedisTemplate redis;

	ReservationRepository(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Reserves, or repeats the first outcome for this order and sku.
	 * @return empty when the sku has no stock ledger
	 */
	Optional<ReservationResult> reserve(String orderId, String sku, int quantity) {
		// Recorded before the script so that a release by order id always finds the slot.
		this.redis.opsForSet().add(StockKeys.orderSkus(orderId), sku);
		List<?> reply = this.redis.execute(RESERVE, keys(orderId, sku), String.valueOf(quantity));
		return result(orderId, sku, reply);
	}

	/**
	 * Releases at most once.
	 * @return empty when the order never reserved this sku
	 */
	Optional<ReservationResult> release(String orderId, String sku) {
		List<?> reply = this.redis.execute(RELEASE, keys(orderId, sku));
		return result(orderId, sku, reply);
	}

	Optional<Reservation> find(String orderId, String sku) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(StockKeys.reservation(sku, orderId));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		String reason = String.valueOf(hash.getOrDefault("reason", ""));
		return Optional.of(new Reservation(orderId, sku, Integer.parseInt(String.valueOf(hash.get("quantity"))),
				ReservationStatus.valueOf(String.valueOf(hash.get("status"))), reason.isEmpty() ? null : reason));
	}

	/**
	 * The skus an order asked to reserve, in sku order.
	 */
	Set<String> skus(String orderId) {
		Set<String> skus = this.redis.opsForSet().members(StockKeys.orderSkus(orderId));
		return (skus != null) ? new TreeSet<>(skus) : new TreeSet<>();
	}

	private static List<String> keys(String orderId, String sku) {
		return List.of(StockKeys.stock(sku), StockKeys.reservation(sku, orderId));
	}

	private static Optional<ReservationResult> result(String orderId, String sku, List<?> reply) {
		String status = String.valueOf(reply.get(0));
		if ("UNKNOWN".equals(status) || "NOT_FOUND".equals(status)) {
			return Optional.empty();
		}
		String reason = String.valueOf(reply.get(2));
		Reservation reservation = new Reservation(orderId, sku, Integer.parseInt(String.valueOf(reply.get(1))),
				ReservationStatus.valueOf(status), reason.isEmpty() ? null : reason);
		return Optional.of(new ReservationResult(reservation, "repeat".equals(reply.get(3))));
	}

}
