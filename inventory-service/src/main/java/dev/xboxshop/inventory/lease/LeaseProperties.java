package dev.xboxshop.inventory.lease;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leases of stock to order-service replicas ({@code shop.inventory.lease.*}).
 *
 * @param ttl how long a grant or renewal keeps a lease alive; a holder that stops
 * renewing loses its unsold units to available this long after its last heartbeat
 * @param expiryInterval how often expired leases are looked for
 * @param reclaimGrace how long a lease stays expired, counted from when a running
 * inventory first saw it so, before its unsold units go back to available: a holder that
 * outlived an inventory outage reports its sales first
 * @param maxGrant the most units one call may ask for
 * @param topicPartitions partitions of {@code orders.escrowed}
 * @param topicReplicas replication factor of {@code orders.escrowed}
 */
@ConfigurationProperties("shop.inventory.lease")
record LeaseProperties(@DefaultValue("5s") Duration ttl, @DefaultValue("250ms") Duration expiryInterval,
		@DefaultValue("5s") Duration reclaimGrace, @DefaultValue("1000") int maxGrant,
		@DefaultValue("6") int topicPartitions, @DefaultValue("1") short topicReplicas) {

}
