package dev.xboxshop.order.events;

/**
 * The Kafka topics the order service produces to and consumes from (docs/contracts.md).
 */
public final class Topics {

	public static final String ORDERS_PLACED = "orders.placed";

	public static final String STOCK_RESERVED = "stock.reserved";

	public static final String STOCK_REJECTED = "stock.rejected";

	private Topics() {
	}

	/** The dead-letter topic of a consumed topic. */
	public static String deadLetter(String topic) {
		return topic + ".dlt";
	}

}
