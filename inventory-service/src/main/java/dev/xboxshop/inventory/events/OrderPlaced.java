package dev.xboxshop.inventory.events;

import java.time.Instant;
import java.util.List;

/**
 * Published by order-service on {@code orders.placed} when it accepts an async order.
 */
record OrderPlaced(String eventId, Instant occurredAt, String orderId, String customerId, List<OrderItem> items) {

}
