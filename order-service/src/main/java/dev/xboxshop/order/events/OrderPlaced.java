package dev.xboxshop.order.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.xboxshop.order.Order;

/**
 * An order was accepted in async mode and waits for stock. Keyed by the sku of its first
 * line, so one sku's orders are served first come, first served.
 *
 * @param eventId unique per event
 * @param occurredAt when the order was accepted
 * @param orderId the order
 * @param customerId who ordered
 * @param items the lines: sku and quantity only (inventory books units, not money)
 * @param deadline when the order is cancelled if no answer came; inventory refuses an
 * order past it without warehouse work
 */
public record OrderPlaced(String eventId, Instant occurredAt, String orderId, String customerId, List<Item> items,
		Instant deadline) {

	public static OrderPlaced of(Order order, Instant deadline) {
		return new OrderPlaced(UUID.randomUUID().toString(), order.createdAt(), order.orderId(), order.customerId(),
				order.items().stream().map((line) -> new Item(line.sku(), line.quantity())).toList(), deadline);
	}

	public String recordKey() {
		return this.items.get(0).sku();
	}

	/**
	 * One line as inventory reads it.
	 *
	 * @param sku the product
	 * @param quantity units
	 */
	public record Item(String sku, int quantity) {

	}

}
