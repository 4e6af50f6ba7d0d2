package dev.xboxshop.inventory.reservation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a reservation record (and its order's sku index) is kept
 * after it was last written; at least as long as order-service keeps final orders
 * ({@code shop.order.retention}) and far longer than any order's deadline, so a tombstone
 * outlives every late reserve
 */
@ConfigurationProperties("shop.inventory.reservations")
record ReservationProperties(@DefaultValue("30d") Duration retention) {

}
