package dev.xboxshop.inventory.reservation;

/**
 * One line to reserve: so many units of one sku for one order.
 */
public record ReservationRequest(String orderId, String sku, int quantity) {

}
