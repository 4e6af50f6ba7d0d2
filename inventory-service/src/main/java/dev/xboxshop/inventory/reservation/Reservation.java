package dev.xboxshop.inventory.reservation;

/**
 * One order's hold on units of one sku. {@code reason} says why it was rejected.
 */
public record Reservation(String orderId, String sku, int quantity, ReservationStatus status, String reason) {

}
