package dev.xboxshop.inventory.lease;

import java.time.Instant;
import java.util.List;

/**
 * order-service confirmed an escrow order from a replica's lease (topic
 * {@code orders.escrowed}, keyed by order id).
 *
 * @param eventId unique per event
 * @param occurredAt when the order was confirmed
 * @param orderId the order
 * @param replicaId the replica that sold it
 * @param items the lines sold, each naming the replica whose lease it came from
 */
record EscrowSold(String eventId, Instant occurredAt, String orderId, String replicaId, List<Item> items) {

	/**
	 * @param sku the sku
	 * @param quantity the units
	 * @param replicaId whose lease the units came from (the seller's when absent)
	 */
	record Item(String sku, Integer quantity, String replicaId) {

	}

}
