package dev.xboxshop.order.escrow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderScripts;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.websupport.tracing.TraceParents;

/**
 * The replicas' local quotas in order-service's Redis, and the one script that sells from
 * them: quota decrement, order write and outbox entry in one atomic step.
 */
@Component
class EscrowQuotas {

	static final String TOPIC = "orders.escrowed";

	private static final RedisScript<List> PLACE = OrderScripts.counting("escrow/place-escrow-order", List.class);

	private static final RedisScript<List> ADOPT = OrderScripts.plain("escrow/adopt-lease", List.class);

	private static final RedisScript<Long> CLOSE = OrderScripts.plain("escrow/close-quota", Long.class);

	private static final int CUSTOMER_INDEX_BOUND = 200;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Clock clock;

	private final EscrowProperties properties;

	private final TraceParents traces;

	EscrowQuotas(StringRedisTemplate redis, JsonMapper json, Clock clock, EscrowProperties properties,
			TraceParents traces) {
		this.redis = redis;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.traces = traces;
	}

	/**
	 * Store the order CONFIRMED from the quotas, or REJECTED as sold out.
	 * @param order the order as it would be stored (its status is ignored)
	 * @param replicaId this replica
	 * @param confirm false to store it REJECTED, taking nothing
	 * @param purchaseLimit launch-item units one customer may hold
	 * @return what happened
	 */
	Placement place(Order order, String replicaId, boolean confirm, int purchaseLimit) {
		List<String> keys = new ArrayList<>(
				List.of(RedisKeys.order(order.orderId()), RedisKeys.customerOrders(order.customerId()),
						RedisKeys.purchaseLimit(order.customerId()), RedisKeys.OUTBOX));
		keys.addAll(RedisKeys.AUDIT_FIGURES);
		Instant now = order.createdAt();
		List<?> out = this.redis.execute(PLACE, keys, order.orderId(), order.customerId(),
				this.json.writeValueAsString(order.items()), now.toString(), String.valueOf(now.toEpochMilli()),
				String.valueOf(order.limitedUnits()), String.valueOf(purchaseLimit), order.idempotencyKey(),
				String.valueOf(CUSTOMER_INDEX_BOUND), replicaId, confirm ? "confirm" : "reject",
				String.valueOf(this.properties.margin().toMillis()),
				String.valueOf(this.properties.staleAfter().toMillis()), UUID.randomUUID().toString(), TOPIC,
				this.traces.current());
		String outcome = (String) out.get(0);
		Map<String, Long> left = new LinkedHashMap<>();
		if ("CONFIRMED".equals(outcome)) {
			for (int i = 1; i + 1 < out.size(); i += 2) {
				left.put((String) out.get(i), Long.parseLong(out.get(i + 1).toString()));
			}
		}
		String detail = (out.size() > 1 && !"CONFIRMED".equals(outcome)) ? (String) out.get(1) : null;
		return new Placement(Placement.State.valueOf(outcome), detail, left);
	}

	/**
	 * Take in inventory's answer about this replica's lease.
	 * @return units left in the quota now
	 */
	long adopt(LeaseAnswer lease, String replicaId) {
		long expiresAt = (lease.expiresAt() != null) ? lease.expiresAt().toEpochMilli() : 0;
		List<?> out = this.redis.execute(ADOPT,
				List.of(EscrowKeys.quota(lease.sku(), replicaId), EscrowKeys.holders(lease.sku()),
						EscrowKeys.skus(replicaId)),
				replicaId, lease.sku(), String.valueOf(lease.granted()), String.valueOf(lease.returned()),
				String.valueOf(expiresAt), String.valueOf(this.clock.millis()));
		return Long.parseLong(out.get(0).toString());
	}

	/**
	 * Stop selling from this replica's quota of the sku; returns its final sold count.
	 */
	long close(String sku, String replicaId) {
		Long sold = this.redis.execute(CLOSE, List.of(EscrowKeys.quota(sku, replicaId)));
		return (sold != null) ? sold : 0;
	}

	/** Units this replica sold from its quota of the sku, in all. */
	long sold(String sku, String replicaId) {
		Object sold = this.redis.opsForHash().get(EscrowKeys.quota(sku, replicaId), "sold");
		return (sold != null) ? Long.parseLong(sold.toString()) : 0;
	}

	/** The skus this replica holds quotas of. */
	Set<String> skus(String replicaId) {
		Set<String> skus = this.redis.opsForSet().members(EscrowKeys.skus(replicaId));
		return (skus != null) ? skus : Set.of();
	}

	/** Every replica's quota of the sku as order-service sees it. */
	List<Quota> quotas(String sku) {
		Set<String> holders = this.redis.opsForSet().members(EscrowKeys.holders(sku));
		List<Quota> quotas = new ArrayList<>();
		for (String replica : (holders != null) ? holders : Set.<String>of()) {
			List<Object> f = this.redis.opsForHash()
				.multiGet(EscrowKeys.quota(sku, replica), List.of("granted", "returned", "sold", "expiresAt"));
			long granted = number(f.get(0));
			long returned = number(f.get(1));
			long sold = number(f.get(2));
			long expiresAt = number(f.get(3));
			quotas.add(new Quota(sku, replica, granted, returned, sold, granted - returned - sold,
					(expiresAt > 0) ? Instant.ofEpochMilli(expiresAt) : null));
		}
		return quotas;
	}

	private static long number(Object value) {
		return (value != null) ? Long.parseLong(value.toString()) : 0;
	}

	/**
	 * The outcome of {@link #place}.
	 *
	 * @param state what happened
	 * @param detail the status of an existing order, the customer's held units (limit),
	 * or the sku no quota covered (short)
	 * @param left units left in this replica's quota of each sku sold, when confirmed
	 */
	record Placement(State state, String detail, Map<String, Long> left) {

		enum State {

			EXISTS, LIMIT, SHORT, CONFIRMED, REJECTED

		}

	}

	/**
	 * One replica's quota of a sku.
	 *
	 * @param sku the sku
	 * @param replicaId the holder
	 * @param granted units leased to it, in all
	 * @param returned units it gave back (or its lease expired with), in all
	 * @param sold units sold from it, in all
	 * @param left units it can still sell
	 * @param expiresAt when its lease expires, null when closed
	 */
	record Quota(String sku, String replicaId, long granted, long returned, long sold, long left, Instant expiresAt) {

	}

}
