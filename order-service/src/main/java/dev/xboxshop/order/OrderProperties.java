package dev.xboxshop.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order service ({@code shop.order.*}). Every one has a default, so the
 * service starts with none set; a launcher overrides any of them as a plain property.
 *
 * @param inventoryUrl where inventory-service answers (sync reservations, releases, stock
 * for the auditor)
 * @param launchSku the launch item the purchase limit applies to
 * @param purchaseLimit units of the launch item one customer may hold across orders that
 * are not cancelled or rejected
 * @param maxQuantityPerLine the largest quantity of one line for any product (each
 * product's own per-order maximum comes from the catalog)
 * @param maxLines the most lines one order may have
 * @param recentOrders how many orders {@code GET /api/orders?customerId=} returns at most
 * @param sseTimeout how long an order's event stream stays open at most
 * @param catalog settings of order-service's copy of the catalog
 * @param sync settings of the sync mode
 * @param async settings of the async mode
 * @param idempotency settings of idempotency keys
 * @param kafka topic settings
 * @param retention how long a final order (and its figures in the customer's list) is
 * kept after it was placed; then it is retired and counted in the auditor's retired
 * figures
 */
@ConfigurationProperties("shop.order")
public record OrderProperties(@DefaultValue("http://localhost:8083") String inventoryUrl,
		@DefaultValue("XBOX-SERIES-X") String launchSku, @DefaultValue("2") int purchaseLimit,
		@DefaultValue("10") int maxQuantityPerLine, @DefaultValue("20") int maxLines,
		@DefaultValue("20") int recentOrders, @DefaultValue("5m") Duration sseTimeout, @DefaultValue Catalog catalog,
		@DefaultValue Sync sync, @DefaultValue Async async, @DefaultValue Idempotency idempotency,
		@DefaultValue Kafka kafka, @DefaultValue("30d") Duration retention) {

	/**
	 * @param refresh how often the copy is listed anew from inventory (a product
	 * inventory adds can be ordered after at most this long)
	 * @param timeout the longest wait for one listing call
	 */
	public record Catalog(@DefaultValue("10s") Duration refresh, @DefaultValue("1s") Duration timeout) {

	}

	/**
	 * @param timeout the longest wait for one reservation call
	 * @param deadline how long a sync order may stay ACCEPTED (its replica died mid-call)
	 * before it is cancelled and its reservations released; longer than {@code maxLines}
	 * calls of {@code timeout} (the circuit breaker, bulkhead and retry around inventory
	 * calls are {@code resilience4j.*.instances.inventory})
	 */
	public record Sync(@DefaultValue("800ms") Duration timeout, @DefaultValue("20s") Duration deadline) {

	}

	/**
	 * @param deadline how long an ACCEPTED order waits for stock before it is cancelled;
	 * well above the outbox relay's 20 s take-over of a dead replica's entries
	 * @param shedAfter async orders are turned away (503 {@code busy}) while a new one
	 * would likely wait longer than this for its answer
	 * @param minBookingRate the booking rate (orders per second) assumed when less was
	 * measured lately (a shop that just woke up, or an outage), so a small backlog never
	 * sheds
	 * @param backlogRefresh how long a replica trusts its last reading of the backlog
	 */
	public record Async(@DefaultValue("60s") Duration deadline, @DefaultValue("30s") Duration shedAfter,
			@DefaultValue("100") double minBookingRate, @DefaultValue("250ms") Duration backlogRefresh) {

	}

	/**
	 * @param lease how long one request owns a key before a retry may take it over;
	 * longer than the slowest placement and the gateway's 15 s response timeout (after
	 * which the gateway retries with the same key), so a duplicate does not take over a
	 * live attempt
	 * @param retention how long a finished response is replayed
	 * @param maxWait how long a concurrent duplicate waits for the first outcome
	 */
	public record Idempotency(@DefaultValue("30s") Duration lease, @DefaultValue("24h") Duration retention,
			@DefaultValue("15s") Duration maxWait) {

	}

	/**
	 * @param partitions partitions of the topics this service declares
	 * @param replicas replication factor of those topics
	 * @param groupId consumer group of the stock listeners (read by the listener
	 * annotations)
	 * @param ledgerTopic the compacted topic of every order's latest state, the auditor's
	 * witness outside Redis (one per order store)
	 */
	public record Kafka(@DefaultValue("6") int partitions, @DefaultValue("1") short replicas,
			@DefaultValue("order-service") String groupId, @DefaultValue("orders.ledger") String ledgerTopic) {

	}

}
