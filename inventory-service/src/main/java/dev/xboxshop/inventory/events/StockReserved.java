package dev.xboxshop.inventory.events;

import java.time.Instant;
import java.util.List;

/**
 * Every line of the order is reserved. The event id is derived from the order id, so a
 * repeated answer to a redelivered order carries the same id.
 */
record StockReserved(String eventId, Instant occurredAt, String orderId, List<OrderItem> items) {

}
