package dev.xboxshop.web.gateway;

/**
 * The answer to a checkout: 201 (confirmed now) or 202 (accepted, confirmed later).
 *
 * @param status the HTTP status the order-service answered
 * @param order the order
 */
public record PlacedOrder(int status, Order order) {

}
