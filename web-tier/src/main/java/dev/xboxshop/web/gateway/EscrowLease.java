package dev.xboxshop.web.gateway;

import java.time.Instant;

/**
 * One order-service replica's escrow lease of a sku, as order-service reports it
 * ({@code GET /api/escrow/leases}).
 *
 * @param sku the sku
 * @param replicaId the replica holding it
 * @param granted units leased to it, in all
 * @param sold units it sold from the lease, in all
 * @param left units it can still sell
 * @param expiresAt when the lease expires unless renewed, null when given back
 */
public record EscrowLease(String sku, String replicaId, long granted, long sold, long left, Instant expiresAt) {

}
