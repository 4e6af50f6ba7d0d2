package dev.xboxshop.order.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order figures of one audit, read at one instant from the counters the order scripts
 * keep ({@code audit-counters.lua}): nothing here walks the orders.
 *
 * @param total every order
 * @param indexed orders in the index of every order (equals {@code total} unless a
 * counter drifted or an order escaped the scripts)
 * @param byStatus orders per status
 * @param byMode orders per mode and status
 * @param confirmedUnits units in CONFIRMED orders per sku
 * @param inFlightUnits units in ACCEPTED orders per sku
 * @param accepted ACCEPTED orders counted by status
 * @param inFlight ACCEPTED orders in the in-flight index
 * @param overdueCount ACCEPTED orders older than the deadline (plus grace)
 * @param overdue a sample of them, oldest first
 * @param sharedKeyCount idempotency keys used by more than one order
 * @param sharedKeys a sample of them
 * @param failedWithoutReasonCount CANCELLED or REJECTED orders without a reason
 * @param failedWithoutReason a sample of them
 * @param customersHolding customers holding launch-item units
 * @param retired final orders retired after their retention, per status (no longer in the
 * other figures)
 * @param retiredConfirmedUnits units of retired CONFIRMED orders per sku (inventory still
 * counts them)
 */
record OrderFigures(long total, long indexed, Map<String, Long> byStatus, Map<String, Map<String, Long>> byMode,
		Map<String, Long> confirmedUnits, Map<String, Long> inFlightUnits, long accepted, long inFlight,
		long overdueCount, List<String> overdue, long sharedKeyCount, List<String> sharedKeys,
		long failedWithoutReasonCount, List<String> failedWithoutReason, long customersHolding,
		Map<String, Long> retired, Map<String, Long> retiredConfirmedUnits) {

	/**
	 * Units the shop confirmed per sku, in live and retired orders alike: what inventory
	 * must hold as reserved or sold.
	 */
	Map<String, Long> everConfirmedUnits() {
		Map<String, Long> units = new TreeMap<>(this.confirmedUnits);
		this.retiredConfirmedUnits.forEach((sku, retiredUnits) -> units.merge(sku, retiredUnits, Long::sum));
		return units;
	}

	/**
	 * Sort the counters hash into figures.
	 * @param counters field to value, as {@code audit-counters.lua} names them
	 * @param indexes the other figures, in the order {@code read-audit-figures.lua}
	 * answers them
	 */
	static OrderFigures of(Map<String, Long> counters, Indexes indexes) {
		Map<String, Long> byStatus = new TreeMap<>();
		Map<String, Map<String, Long>> byMode = new TreeMap<>();
		Map<String, Long> confirmed = new TreeMap<>();
		Map<String, Long> inFlight = new TreeMap<>();
		Map<String, Long> retired = new TreeMap<>();
		Map<String, Long> retiredUnits = new TreeMap<>();
		counters.forEach((field, value) -> {
			if (value == 0) {
				return;
			}
			String[] parts = field.split(":", 3);
			switch (parts[0]) {
				case "status" -> byStatus.put(parts[1], value);
				case "mode" -> byMode.computeIfAbsent(parts[1], (mode) -> new TreeMap<>()).put(parts[2], value);
				case "units" -> ("CONFIRMED".equals(parts[1]) ? confirmed : inFlight).put(parts[2], value);
				case "retired" -> {
					if ("status".equals(parts[1])) {
						retired.put(parts[2], value);
					}
					else if ("units".equals(parts[1])) {
						retiredUnits.put(parts[2].substring(parts[2].indexOf(':') + 1), value);
					}
				}
				default -> {
				}
			}
		});
		return new OrderFigures(counters.getOrDefault("orders", 0L), indexes.indexed(), byStatus, byMode, confirmed,
				inFlight, byStatus.getOrDefault("ACCEPTED", 0L), indexes.inFlight(), indexes.overdueCount(),
				indexes.overdue(), indexes.sharedKeyCount(), indexes.sharedKeys(), indexes.failedWithoutReasonCount(),
				indexes.failedWithoutReason(), indexes.customersHolding(), retired, retiredUnits);
	}

	/**
	 * What {@code read-audit-figures.lua} answers beside the counters.
	 */
	record Indexes(long indexed, long inFlight, long overdueCount, List<String> overdue, long sharedKeyCount,
			List<String> sharedKeys, long failedWithoutReasonCount, List<String> failedWithoutReason,
			long customersHolding) {

	}

}
