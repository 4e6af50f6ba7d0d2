package dev.xboxshop.inventory.warehouse;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param warehouseLatency time each reservation or release spends in the system of record
 * behind the stock (the warehouse), before chaos adds its own
 * @param maxConcurrentReservations the bulkhead: warehouse trips for reservations and
 * releases over HTTP in flight at once per replica (concurrent reservations share trips)
 * @param maxWaitingReservations reservations over HTTP that may wait for a trip; one more
 * is turned away with 503 {@code warehouse-busy}
 * @param bulkheadMaxWait how long a release may wait for a bulkhead slot before it is
 * turned away with 503 {@code warehouse-busy}
 * @param chaosRefresh how often a replica re-reads the shared chaos settings from Redis
 */
@ConfigurationProperties("shop.inventory")
public record WarehouseProperties(@DefaultValue("20ms") Duration warehouseLatency,
		@DefaultValue("32") int maxConcurrentReservations, @DefaultValue("512") int maxWaitingReservations,
		@DefaultValue("5ms") Duration bulkheadMaxWait, @DefaultValue("500ms") Duration chaosRefresh) {

}
