package dev.xboxshop.order;

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

	/** The live checkout mode, shared by every replica. */
	public static final String CHECKOUT_MODE = "ord:checkout-mode";

	/** Sorted set of reservation ids to release, scored by the next attempt (millis). */
	public static final String RELEASES = "ord:releases";

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

	/** Hash of the attempts made to release one reservation. */
	public static String release(String reservationId) {
		return "ord:release:" + reservationId;
	}

}
