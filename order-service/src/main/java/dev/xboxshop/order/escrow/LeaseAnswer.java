package dev.xboxshop.order.escrow;

import java.time.Instant;

/**
 * inventory-service's answer about one replica's lease of a sku (its own copy of
 * inventory's {@code Lease}).
 *
 * @param sku the sku
 * @param replicaId the holder
 * @param status GRANTED or RETURNED
 * @param granted units moved into the lease, in all
 * @param settled units whose sales inventory has recorded
 * @param returned units given back to available, in all
 * @param held units the lease holds at inventory now
 * @param expiresAt when it expires, null when closed
 * @param available the sku's available units at inventory after the call
 * @param moved units granted or returned by the call
 */
public record LeaseAnswer(String sku, String replicaId, String status, long granted, long settled, long returned,
		long held, Instant expiresAt, long available, long moved) {

}
