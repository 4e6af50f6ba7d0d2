package dev.xboxshop.inventory.events;

import java.time.Instant;

/**
 * The order cannot be served: {@code sku} is the line that failed and {@code reason} the
 * apology the shopper sees (for example "sold out"). Nothing stays reserved for the
 * order.
 */
record StockRejected(String eventId, Instant occurredAt, String orderId, String sku, String reason) {

}
