package dev.xboxshop.order.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderStatus;

/**
 * Figures gathered in one walk over every order.
 */
class OrderFigures {

	private static final int SAMPLE = 20;

	final Map<String, Long> byStatus = new TreeMap<>();

	final Map<String, Map<String, Long>> byMode = new TreeMap<>();

	final Map<String, Long> confirmedUnits = new TreeMap<>();

	final Map<String, Long> inFlightUnits = new TreeMap<>();

	final List<String> overdue = new ArrayList<>();

	final List<String> failedWithoutReason = new ArrayList<>();

	final Map<String, Integer> launchUnitsByCustomer = new HashMap<>();

	private final Map<String, Integer> ordersByKey = new HashMap<>();

	private final Instant overdueBefore;

	private final String launchSku;

	long total;

	long overdueCount;

	OrderFigures(Instant now, Duration deadline, Duration grace, String launchSku) {
		this.overdueBefore = now.minus(deadline).minus(grace);
		this.launchSku = launchSku;
	}

	void add(List<Order> orders) {
		orders.forEach(this::add);
	}

	private void add(Order order) {
		this.total++;
		String status = order.status().name();
		this.byStatus.merge(status, 1L, Long::sum);
		this.byMode.computeIfAbsent(order.mode().value(), (mode) -> new TreeMap<>()).merge(status, 1L, Long::sum);
		if (order.idempotencyKey() != null && !order.idempotencyKey().isEmpty()) {
			this.ordersByKey.merge(order.idempotencyKey(), 1, Integer::sum);
		}
		if (!order.status().isFailed()) {
			this.launchUnitsByCustomer.merge(order.customerId(), order.unitsOf(this.launchSku), Integer::sum);
		}
		else if (order.reason() == null || order.reason().isBlank()) {
			sample(this.failedWithoutReason, order.orderId());
		}
		if (order.status() == OrderStatus.CONFIRMED) {
			units(this.confirmedUnits, order);
		}
		if (order.status() == OrderStatus.ACCEPTED) {
			units(this.inFlightUnits, order);
			if (order.createdAt().isBefore(this.overdueBefore)) {
				this.overdueCount++;
				sample(this.overdue, order.orderId());
			}
		}
	}

	private static void units(Map<String, Long> bySku, Order order) {
		for (OrderLine line : order.items()) {
			bySku.merge(line.sku(), (long) line.quantity(), Long::sum);
		}
	}

	private static void sample(List<String> ids, String id) {
		if (ids.size() < SAMPLE) {
			ids.add(id);
		}
	}

	List<String> duplicateKeys() {
		return this.ordersByKey.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map(Map.Entry::getKey)
			.limit(SAMPLE)
			.toList();
	}

}
