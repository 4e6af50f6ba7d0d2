package dev.xboxshop.order.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Inventory's answer to a reservation.
 *
 * @param orderId the reservation id
 * @param sku the product
 * @param quantity units
 * @param status RESERVED, REJECTED or RELEASED
 * @param reason why it was rejected
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Reservation(String orderId, String sku, int quantity, String status, String reason) {

}
