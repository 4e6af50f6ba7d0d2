package dev.xboxshop.order.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Inventory could not reserve stock for an async order.
 *
 * @param eventId unique per event
 * @param occurredAt when
 * @param orderId the order
 * @param sku the line that could not be reserved
 * @param reason inventory's reason
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockRejected(String eventId, Instant occurredAt, String orderId, String sku, String reason) {

}
