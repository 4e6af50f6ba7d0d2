package dev.xboxshop.inventory.reservation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.catalog.StockKeys;
import dev.xboxshop.inventory.catalog.UnknownProduct;

/**
 * Runs the reservation scripts: each is one atomic step on one sku's slot that changes
 * the stock and the order's reservation record together.
 */
@Component
@EnableConfigurationProperties(ReservationProperties.class)
class ReservationRepository {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RESERVE = RedisScript.of(new ClassPathResource("scripts/reserve.lua"),
			List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> RELEASE = RedisScript.of(new ClassPathResource("scripts/release.lua"),
			List.class);

	private final StringRedisTemplate redis;

	private final String retentionSeconds;

	ReservationRepository(StringRedisTemplate redis, ReservationProperties properties) {
		this.redis = redis;
		this.retentionSeconds = String.valueOf(properties.retention().toSeconds());
	}

	/**
	 * Records each line's sku under its order, before any script may write a reservation
	 * record for it, so that a release by order id always finds the slot.
	 */
	void index(List<ReservationRequest> lines) {
		long retention = Long.parseLong(this.retentionSeconds);
		this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			lines.forEach((line) -> {
				byte[] key = bytes(StockKeys.orderSkus(line.orderId()));
				connection.setCommands().sAdd(key, bytes(line.sku()));
				connection.keyCommands().expire(key, retention);
			});
			return null;
		});
	}

	/**
	 * Decides every line, one script per sku, each sku's lines in the order given (first
	 * come, first served). A line that already has a reservation record gets its first
	 * outcome back and changes nothing.
	 * @param way what the script does with a line that has no record yet
	 * @param lines the lines, in arrival order
	 * @param reason the refusal for {@link Way#REFUSE}
	 * @return per line, in the order given: its outcome, or empty when
	 * {@link Way#PRECHECK} found its units available (nothing written)
	 * @throws UnknownProduct when a sku has no stock ledger
	 * @see #index the lines must be indexed first
	 */
	List<Optional<ReservationResult>> decide(Way way, List<ReservationRequest> lines, String reason) {
		Map<String, List<Integer>> bySku = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			bySku.computeIfAbsent(lines.get(i).sku(), (sku) -> new ArrayList<>()).add(i);
		}
		List<Optional<ReservationResult>> results = new ArrayList<>(Collections.nCopies(lines.size(), null));
		bySku.forEach((sku, indexes) -> {
			List<String> keys = new ArrayList<>(indexes.size() + 1);
			List<String> args = new ArrayList<>(indexes.size() + 3);
			keys.add(StockKeys.stock(sku));
			args.add(way.argument);
			args.add((reason != null) ? reason : "");
			args.add(this.retentionSeconds);
			for (int index : indexes) {
				keys.add(StockKeys.reservation(sku, lines.get(index).orderId()));
				args.add(String.valueOf(lines.get(index).quantity()));
			}
			List<?> reply = this.redis.execute(RESERVE, keys, args.toArray());
			for (int i = 0; i < indexes.size(); i++) {
				ReservationRequest line = lines.get(indexes.get(i));
				results.set(indexes.get(i), result(line.orderId(), sku, reply.subList(4 * i, 4 * i + 4)));
			}
		});
		return results;
	}

	/**
	 * Releases at most once; a line never reserved gets a tombstone (RELEASED, no units).
	 * @return empty when the sku has no stock ledger
	 */
	Optional<ReservationResult> release(String orderId, String sku) {
		List<?> reply = this.redis.execute(RELEASE, keys(orderId, sku), this.retentionSeconds);
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

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> keys(String orderId, String sku) {
		return List.of(StockKeys.stock(sku), StockKeys.reservation(sku, orderId));
	}

	/**
	 * What {@link #decide} does with a line that has no reservation record yet.
	 */
	enum Way {

		/** Take the units if they are available, else refuse the line as sold out. */
		RESERVE("reserve"),
		/**
		 * Refuse the line as sold out if its units are not available (the tier-2 store
		 * knows without asking the warehouse), else leave it undecided.
		 */
		PRECHECK("precheck"),
		/** Refuse the line with the given reason. */
		REFUSE("refuse");

		private final String argument;

		Way(String argument) {
			this.argument = argument;
		}

	}

	private static Optional<ReservationResult> result(String orderId, String sku, List<?> reply) {
		String status = String.valueOf(reply.get(0));
		if ("UNKNOWN".equals(status)) {
			throw new UnknownProduct(sku);
		}
		if ("NOT_FOUND".equals(status) || "PENDING".equals(status)) {
			return Optional.empty();
		}
		String reason = String.valueOf(reply.get(2));
		Reservation reservation = new Reservation(orderId, sku, Integer.parseInt(String.valueOf(reply.get(1))),
				ReservationStatus.valueOf(status), reason.isEmpty() ? null : reason);
		return Optional.of(new ReservationResult(reservation, "repeat".equals(reply.get(3))));
	}

}
