package dev.xboxshop.order.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.xboxshop.order.OrderLine;

/**
 * Inventory reserved stock for every line of an async order.
 *
 * @param eventId unique per event
 * @param occurredAt when
 * @param orderId the order
 * @param items the reserved lines
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockReserved(String eventId, Instant occurredAt, String orderId, List<OrderLine> items) {

}
