package dev.xboxshop.order;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Orders in Redis. Every change is one Lua script, so an order, its indexes, the
 * purchase-limit counter and its outbox event never disagree.
 */
@Repository
public class OrderRepository {

	private static final RedisScript<List> CREATE = OrderScripts.counting("create-order", List.class);

	private static final RedisScript<List> TRANSITION = OrderScripts.counting("transition-order", List.class);

	private static final RedisScript<Long> DISCARD = OrderScripts.counting("discard-order", Long.class);

	private static final RedisScript<Long> RETIRE = OrderScripts.counting("retire-order", Long.class);

	private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
	};

	private static final int CUSTOMER_INDEX_BOUND = 200;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	OrderRepository(StringRedisTemplate redis, JsonMapper json, Clock clock, MeterRegistry meters) {
		this.redis = redis;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Store a new ACCEPTED order, claim its launch-item units and, when given, append its
	 * event to the outbox, all in one step.
	 * @param order the order to store (status ACCEPTED)
	 * @param deadline when the order is cancelled if it is still ACCEPTED
	 * @param purchaseLimit launch-item units one customer may hold
	 * @param event the event to append to the outbox, or null
	 * @return what happened
	 */
	public Creation create(Order order, Instant deadline, int purchaseLimit, OutboxEntry event) {
		List<?> result = this.redis.execute(CREATE,
				withFigures(RedisKeys.order(order.orderId()), RedisKeys.customerOrders(order.customerId()),
						RedisKeys.purchaseLimit(order.customerId()), RedisKeys.ACCEPTED, RedisKeys.ALL,
						RedisKeys.OUTBOX),
				order.orderId(), order.customerId(), this.json.writeValueAsString(order.items()), order.mode().value(),
				order.createdAt().toString(), String.valueOf(order.createdAt().toEpochMilli()),
				String.valueOf(order.limitedUnits()), String.valueOf(purchaseLimit),
				String.valueOf(deadline.toEpochMilli()), order.idempotencyKey(), (event != null) ? event.key() : "",
				(event != null) ? event.payload() : "", String.valueOf(CUSTOMER_INDEX_BOUND),
				(event != null) ? event.traceparent() : "");
		String outcome = (String) result.get(0);
		return switch (outcome) {
			case "CREATED" -> new Creation(Creation.State.CREATED, OrderStatus.ACCEPTED, 0);
			case "EXISTS" -> new Creation(Creation.State.EXISTS, OrderStatus.valueOf((String) result.get(1)), 0);
			case "LIMIT" -> new Creation(Creation.State.LIMIT, null, Integer.parseInt((String) result.get(1)));
			default -> throw new IllegalStateException("Unexpected answer from create-order: " + outcome);
		};
	}

	/**
	 * Move an order from one status to another, only if it is still in the first.
	 * @param order the order (its customer id names the purchase-limit counter)
	 * @param from the status it must have
	 * @param to the status it gets
	 * @param reason the reason the shopper sees, or null
	 * @return whether it moved, and the status it has now
	 */
	public Transition transition(Order order, OrderStatus from, OrderStatus to, String reason) {
		return transition(order, from, to, reason, List.of());
	}

	/**
	 * Move an order from one status to another, only if it is still in the first, and, if
	 * it moved, put the reservations of the given skus in the release outbox in the same
	 * step.
	 * @param order the order (its customer id names the purchase-limit counter)
	 * @param from the status it must have
	 * @param to the status it gets
	 * @param reason the reason the shopper sees, or null
	 * @param releasing the skus whose reservations inventory must give back
	 * @return whether it moved, and the status it has now
	 */
	public Transition transition(Order order, OrderStatus from, OrderStatus to, String reason,
			Collection<String> releasing) {
		Instant now = now();
		List<String> args = new ArrayList<>(
				List.of(order.orderId(), from.name(), to.name(), (reason != null) ? reason : "", now.toString(),
						RedisKeys.STATUS_CHANNEL, String.valueOf(now.toEpochMilli())));
		args.addAll(releasing);
		List<?> result = this.redis.execute(TRANSITION, withFigures(RedisKeys.order(order.orderId()),
				RedisKeys.purchaseLimit(order.customerId()), RedisKeys.ACCEPTED, RedisKeys.RELEASES), args.toArray());
		String current = (String) result.get(1);
		Transition transition = new Transition("CHANGED".equals(result.get(0)),
				current.isEmpty() ? null : OrderStatus.valueOf(current));
		if (transition.changed() && to.isFailed()) {
			apologised(order, to, reason);
		}
		return transition;
	}

	/**
	 * Every order the shop could not keep, counted where its status changes: CANCELLED
	 * (accepted, then given up) apart from REJECTED (refused while the shopper waited).
	 */
	private void apologised(Order order, OrderStatus status, String reason) {
		Counter.builder("shop.apologies")
			.description("Orders cancelled or rejected, by mode, status and kind of reason")
			.tag("mode", order.mode().value())
			.tag("status", status.name())
			.tag("reason", Apology.kind(reason))
			.register(this.meters)
			.increment();
	}

	/**
	 * Remove an ACCEPTED order nobody was told about, giving its launch-item units back
	 * and, in the same step, putting the reservations of the given skus in the release
	 * outbox.
	 * @param order the order
	 * @param releasing the skus inventory may have reserved for it
	 * @return whether it was removed
	 */
	public boolean discard(Order order, Collection<String> releasing) {
		List<String> args = new ArrayList<>(List.of(order.orderId(), String.valueOf(now().toEpochMilli())));
		args.addAll(releasing);
		Long removed = this.redis.execute(DISCARD,
				withFigures(RedisKeys.order(order.orderId()), RedisKeys.customerOrders(order.customerId()),
						RedisKeys.purchaseLimit(order.customerId()), RedisKeys.ACCEPTED, RedisKeys.ALL,
						RedisKeys.RELEASES),
				args.toArray());
		return removed != null && removed == 1L;
	}

	/**
	 * Remove a final order past its retention, counting it in the auditor's retired
	 * figures; an ACCEPTED order is left alone.
	 * @param order the order
	 * @return whether it was removed
	 */
	public boolean retire(Order order) {
		Long removed = this.redis.execute(RETIRE,
				withFigures(RedisKeys.order(order.orderId()), RedisKeys.customerOrders(order.customerId()),
						RedisKeys.purchaseLimit(order.customerId())),
				order.orderId(), String.valueOf(now().toEpochMilli()));
		return removed != null && removed == 1L;
	}

	/**
	 * Orders placed before a moment, oldest first.
	 * @param before the moment
	 * @param max the most to return
	 * @return the orders
	 */
	public List<Order> placedBefore(Instant before, int max) {
		var ids = this.redis.opsForZSet()
			.rangeByScore(RedisKeys.ALL, Double.NEGATIVE_INFINITY, before.toEpochMilli() - 1, 0, max);
		return (ids == null) ? List.of() : load(new ArrayList<>(ids));
	}

	private static List<String> withFigures(String... keys) {
		List<String> all = new ArrayList<>(List.of(keys));
		all.addAll(RedisKeys.AUDIT_FIGURES);
		return all;
	}

	public Optional<Order> find(String orderId) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(RedisKeys.order(orderId));
		return hash.isEmpty() ? Optional.empty() : Optional.of(toOrder(hash));
	}

	/**
	 * A customer's most recent orders, newest first.
	 * @param customerId the customer
	 * @param limit the most to return
	 * @return the orders
	 */
	public List<Order> recent(String customerId, int limit) {
		var ids = this.redis.opsForZSet().reverseRange(RedisKeys.customerOrders(customerId), 0, limit - 1L);
		return (ids == null) ? List.of() : load(new ArrayList<>(ids));
	}

	/**
	 * Hand every order to the consumer, a batch at a time, oldest first.
	 * @param batchSize orders per batch
	 * @param consumer receives each batch
	 */
	public void forEach(int batchSize, Consumer<List<Order>> consumer) {
		for (long start = 0;; start += batchSize) {
			var ids = this.redis.opsForZSet().range(RedisKeys.ALL, start, start + batchSize - 1);
			if (ids == null || ids.isEmpty()) {
				return;
			}
			consumer.accept(load(new ArrayList<>(ids)));
		}
	}

	/**
	 * Ids of ACCEPTED orders whose deadline has passed.
	 * @param now the time to compare with
	 * @param max the most to return
	 * @return the ids, most overdue first
	 */
	public List<String> pastDeadline(Instant now, int max) {
		var ids = this.redis.opsForZSet()
			.rangeByScore(RedisKeys.ACCEPTED, Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, max);
		return (ids == null) ? List.of() : new ArrayList<>(ids);
	}

	/** Drop a deadline entry whose order is gone or no longer ACCEPTED. */
	public void forgetDeadline(String orderId) {
		this.redis.opsForZSet().remove(RedisKeys.ACCEPTED, orderId);
	}

	/** Launch-item units the counter says a customer holds. */
	public int heldUnits(String customerId) {
		String held = this.redis.opsForValue().get(RedisKeys.purchaseLimit(customerId));
		return (held != null) ? Integer.parseInt(held) : 0;
	}

	/**
	 * Launch-item units the counters say each customer holds.
	 * @param customerIds the customers
	 * @return units by customer id (0 when there is no counter)
	 */
	public Map<String, Integer> heldUnits(List<String> customerIds) {
		List<String> values = this.redis.opsForValue()
			.multiGet(customerIds.stream().map(RedisKeys::purchaseLimit).toList());
		Map<String, Integer> held = new HashMap<>();
		for (int i = 0; i < customerIds.size(); i++) {
			String value = (values != null) ? values.get(i) : null;
			held.put(customerIds.get(i), (value != null) ? Integer.parseInt(value) : 0);
		}
		return held;
	}

	private List<Order> load(List<String> ids) {
		List<Object> hashes = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (String id : ids) {
				connection.hashCommands().hGetAll(RedisKeys.order(id).getBytes(StandardCharsets.UTF_8));
			}
			return null;
		});
		List<Order> orders = new ArrayList<>();
		for (Object hash : hashes) {
			if (hash instanceof Map<?, ?> map && !map.isEmpty()) {
				orders.add(toOrder(map));
			}
		}
		return orders;
	}

	private Order toOrder(Map<?, ?> hash) {
		String reason = (String) hash.get("reason");
		return new Order((String) hash.get("orderId"), (String) hash.get("customerId"),
				this.json.readValue((String) hash.get("items"), LINES),
				OrderStatus.valueOf((String) hash.get("status")),
				CheckoutMode.parse((String) hash.get("mode")).orElseThrow(),
				(reason == null || reason.isEmpty()) ? null : reason, Instant.parse((String) hash.get("createdAt")),
				Instant.parse((String) hash.get("updatedAt")), Integer.parseInt((String) hash.get("limitedUnits")),
				(String) hash.get("idempotencyKey"));
	}

	private Instant now() {
		return this.clock.instant();
	}

	/**
	 * The outcome of {@link #create}.
	 *
	 * @param state what happened
	 * @param status the order's status when it exists
	 * @param heldUnits launch-item units the customer already held when the limit refused
	 */
	public record Creation(State state, OrderStatus status, int heldUnits) {

		public enum State {

			CREATED, EXISTS, LIMIT

		}

	}

	/**
	 * The outcome of {@link #transition}.
	 *
	 * @param changed whether the order moved
	 * @param current its status now, or null if there is no such order
	 */
	public record Transition(boolean changed, OrderStatus current) {

	}

}
