package dev.xboxshop.order;

import java.util.List;

/**
 * The order service's Redis key layout, in one place. The order scripts touch several of
 * these keys at once, so they assume one Redis node (or one slot), as the shop runs it.
 */
public final class RedisKeys {

	/** Outbox stream of OrderPlaced events, written with the order in one script. */
	public static final String OUTBOX = "ord:outbox";

	/** Sorted set of ACCEPTED order ids scored by their deadline (epoch millis). */
	public static final String ACCEPTED = "ord:accepted";

	/** Sorted set of every order id scored by creation time; the auditor walks it. */
	public static final String ALL = "ord:all";

	/** Hash of the auditor's counters: orders per status and per mode, units per sku. */
	public static final String AUDIT_COUNTERS = "ord:audit:counters";

	/** Sorted set of ACCEPTED order ids scored by creation time (epoch millis). */
	public static final String AUDIT_IN_FLIGHT = "ord:audit:in-flight";

	/** Hash of idempotency key to the number of orders placed with it. */
	public static final String AUDIT_KEY_USES = "ord:audit:key-uses";

	/** Set of idempotency keys more than one order was placed with. */
	public static final String AUDIT_SHARED_KEYS = "ord:audit:shared-keys";

	/** Set of CANCELLED or REJECTED order ids without a reason. */
	public static final String AUDIT_NO_REASON = "ord:audit:no-reason";

	/** Hash of customer id to launch-item units in orders not CANCELLED/REJECTED. */
	public static final String AUDIT_HELD = "ord:audit:held";

	/** When every order stored before the counters existed had been counted (millis). */
	public static final String AUDIT_COUNTED = "ord:audit:counted";

	/**
	 * The keys every order-changing script gets last, in this order, so the auditor's
	 * figures change in the same step, and the witness's ledger record leaves through the
	 * outbox with it (see {@code audit-counters.lua}).
	 */
	public static final List<String> AUDIT_FIGURES = List.of(ALL, AUDIT_COUNTERS, AUDIT_IN_FLIGHT, AUDIT_KEY_USES,
			AUDIT_SHARED_KEYS, AUDIT_NO_REASON, AUDIT_HELD, OUTBOX);

	/** The live checkout mode, shared by every replica. */
	public static final String CHECKOUT_MODE = "ord:checkout-mode";

	/**
	 * The release outbox: sorted set of {@code <orderId>|<sku>} reservations to give
	 * back, scored by the next attempt (millis); written by the order scripts.
	 */
	public static final String RELEASES = "ord:releases";

	/** Hash of release outbox entry to the attempts made so far (for the backoff). */
	public static final String RELEASE_ATTEMPTS = "ord:release-attempts";

	/**
	 * Pub/sub channel: an idempotency key whose owner stored its response or freed it.
	 */
	public static final String KEY_SETTLED_CHANNEL = "ord:idempotency-settled";

	/** Hash of sku to product JSON: order-service's copy of inventory's catalog. */
	public static final String CATALOG = "ord:catalog";

	/** When {@link #CATALOG} was last listed from inventory (epoch millis). */
	public static final String CATALOG_LISTED_AT = "ord:catalog:listed-at";

	/** Pub/sub channel: the id of an order whose status just changed. */
	public static final String STATUS_CHANNEL = "ord:status-changed";

	private RedisKeys() {
	}

	/** Hash of one order. */
	public static String order(String orderId) {
		return "ord:order:" + orderId;
	}

	/** Sorted set of a customer's recent order ids by creation time. */
	public static String customerOrders(String customerId) {
		return "ord:customer:" + customerId;
	}

	/** Units of the launch item a customer holds in live orders (the scalper rule). */
	public static String purchaseLimit(String customerId) {
		return "ord:limit:" + customerId;
	}

	/** Hash recording who claimed an idempotency key and the response it produced. */
	public static String idempotencyKey(String key) {
		return "ord:idem:" + key;
	}

	/** Orders that became final through a stock answer during one second (epoch). */
	public static String booked(long epochSecond) {
		return "ord:booked:" + epochSecond;
	}

}
