package dev.xboxshop.inventory.events;

import java.time.Instant;
import java.util.List;

/**
 * Published by order-service on {@code orders.placed} when it accepts an async order.
 * {@code deadline} is when order-service cancels the order if no answer came; an order
 * past it is refused without warehouse work (null from producers that do not send one).
 */
record OrderPlaced(String eventId, Instant occurredAt, String orderId, String customerId, List<OrderItem> items,
		Instant deadline) {

	boolean expired(Instant now) {
		return this.deadline != null && !now.isBefore(this.deadline);
	}

}
