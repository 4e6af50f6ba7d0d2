package dev.xboxshop.inventory.warehouse;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The system of record behind the stock. Redis answers in microseconds on loopback, which
 * would hide what a slow inner tier costs; each reservation and release therefore spends
 * the configured latency here, plus whatever chaos adds, and may fail as chaos says.
 */
@Component
@EnableConfigurationProperties(WarehouseProperties.class)
public class Warehouse {

	private final ChaosSwitch chaos;

	private final long latencyMs;

	private final Counter trips;

	Warehouse(ChaosSwitch chaos, WarehouseProperties properties, MeterRegistry meters) {
		this.chaos = chaos;
		this.latencyMs = properties.warehouseLatency().toMillis();
		this.trips = Counter.builder("shop.warehouse.trips")
			.description("Round trips to the system of record (one per batch of reservations)")
			.register(meters);
	}

	/**
	 * {@code shop.warehouse.batch}: how many requests one decision hands to the warehouse
	 * at once, per path: {@code sync} (reservations sharing a trip) or {@code async} (the
	 * orders of one {@code orders.placed} poll).
	 * @param path {@code sync} or {@code async}
	 * @param meters the registry
	 * @return the summary to record batch sizes in
	 */
	public static DistributionSummary batchSizes(String path, MeterRegistry meters) {
		return DistributionSummary.builder("shop.warehouse.batch")
			.description("Requests handed to the warehouse in one batch")
			.baseUnit("requests")
			.tag("path", path)
			.publishPercentileHistogram()
			.maximumExpectedValue(2048.0)
			.register(meters);
	}

	/** Round trips made so far by this replica. */
	public long trips() {
		return (long) this.trips.count();
	}

	/**
	 * One call to the system of record: returns when it would have answered.
	 * @throws WarehouseUnavailable when chaos has it down (at once) or injects an error
	 */
	public void roundTrip() {
		Chaos current = this.chaos.current();
		if (current.down()) {
			throw new WarehouseUnavailable("The warehouse is down");
		}
		this.trips.increment();
		pause(this.latencyMs + Math.max(current.extraLatencyMs(), 0));
		if (current.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.errorRate()) {
			throw new WarehouseUnavailable("The warehouse failed to answer");
		}
	}

	/**
	 * A catalog read. Stock counts come from Redis, not the warehouse, so the base
	 * latency does not apply; but chaos models the whole inner tier being loaded or cut
	 * off, and the storefront's fallbacks are only visible if reads feel it too.
	 * @throws WarehouseUnavailable when chaos has inventory down
	 */
	public void catalogRead() {
		Chaos current = this.chaos.current();
		if (current.down()) {
			throw new WarehouseUnavailable("Inventory is down");
		}
		pause(Math.max(current.extraLatencyMs(), 0));
	}

	private static void pause(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WarehouseUnavailable("Interrupted while waiting for the warehouse");
		}
	}

}
