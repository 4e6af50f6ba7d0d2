package dev.xboxshop.order.events;

import java.util.List;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.Apology;
import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderRepository.Transition;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.backlog.BookingBacklog;
import dev.xboxshop.order.inventory.ReservationReleases;
import dev.xboxshop.websupport.tracing.RecordTraceParents;
import dev.xboxshop.websupport.tracing.TraceParents;

/**
 * Inventory's answers to async orders, a batch at a time (whatever one poll brought).
 * Idempotent: the status moves only out of ACCEPTED (a compare-and-set in Redis), so a
 * duplicate or late event changes nothing; stock reserved for an order that was already
 * cancelled is released again. A record that fails stops the batch there: the ones before
 * it are committed, and the error handler retries it (until Redis is back) or
 * dead-letters it (unreadable). Each answer is applied in the trace of its order (the
 * {@code traceparent} inventory sent it with), although it came in a batch.
 */
@Component
class StockEventsListener {

	/** Inventory's reason for an order that reached it after its deadline. */
	private static final String DEADLINE_PASSED = "deadline passed";

	private static final int MAX_REASON = 200;

	private static final Logger log = LoggerFactory.getLogger(StockEventsListener.class);

	private final OrderRepository orders;

	private final ReservationReleases releases;

	private final BookingBacklog backlog;

	private final TraceParents traces;

	StockEventsListener(OrderRepository orders, ReservationReleases releases, BookingBacklog backlog,
			TraceParents traces) {
		this.orders = orders;
		this.releases = releases;
		this.backlog = backlog;
		this.traces = traces;
	}

	@KafkaListener(topics = Topics.STOCK_RESERVED, groupId = "${shop.order.kafka.group-id:order-service}",
			properties = "spring.json.value.default.type=dev.xboxshop.order.events.StockReserved", batch = "true")
	void stockReserved(List<ConsumerRecord<String, StockReserved>> records) {
		int booked = 0;
		for (ConsumerRecord<String, StockReserved> record : records) {
			booked += apply(record, this::reserved);
		}
		this.backlog.booked(booked);
	}

	@KafkaListener(topics = Topics.STOCK_REJECTED, groupId = "${shop.order.kafka.group-id:order-service}",
			properties = "spring.json.value.default.type=dev.xboxshop.order.events.StockRejected", batch = "true")
	void stockRejected(List<ConsumerRecord<String, StockRejected>> records) {
		int booked = 0;
		for (ConsumerRecord<String, StockRejected> record : records) {
			booked += apply(record, (event) -> rejected(event.orderId(), event.reason()));
		}
		this.backlog.booked(booked);
	}

	/**
	 * @return 1 if the answer settled an order, else 0
	 */
	private <T> int apply(ConsumerRecord<String, T> record, Settle<T> settle) {
		try {
			if (record.value() == null) {
				throw new MalformedEvent("Not a stock event");
			}
			boolean settled = this.traces.inSpan(RecordTraceParents.of(record.headers()), "apply " + record.topic(),
					() -> settle.apply(record.value()));
			return settled ? 1 : 0;
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException(ex.getMessage(), ex, record);
		}
	}

	private boolean reserved(StockReserved event) {
		Order order = held(event.orderId());
		if (order == null) {
			giveBack(event);
			return false;
		}
		if (!isAsync(order)) {
			return false;
		}
		Transition transition = this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CONFIRMED, null);
		if (!transition.changed() && transition.current() != null && transition.current().isFailed()) {
			log.info("Stock reserved for {} order {}; releasing it", transition.current(), order.orderId());
			this.releases.schedule(order.orderId(), order.skus());
		}
		return transition.changed();
	}

	/**
	 * Stock reserved for an order this store does not hold (an event no order-service
	 * wrote, or an order the store lost after its event left) would stay reserved for
	 * nobody: it is given back through the release outbox. Inventory answers a release of
	 * a reservation it never made with a tombstone, so an order of another shop on a
	 * shared broker costs nothing. An order past its retention cannot be answered again:
	 * the stock topics keep records for days, orders for 30.
	 */
	private void giveBack(StockReserved event) {
		if (event.items() == null) {
			return;
		}
		List<String> skus = event.items()
			.stream()
			.filter((line) -> line != null && line.sku() != null)
			.map(OrderLine::sku)
			.distinct()
			.toList();
		log.info("Stock reserved for order {}, which this store does not hold; giving back {}", event.orderId(), skus);
		this.releases.schedule(event.orderId(), skus);
	}

	private boolean rejected(String orderId, String reason) {
		Order order = held(orderId);
		return order != null && isAsync(order)
				&& this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, apology(reason))
					.changed();
	}

	/**
	 * What the shopper reads on a rejected order: the sold-out apology only when it was
	 * sold out, the late one when it reached inventory after its deadline; anything else
	 * (unknown product, invalid quantity) is named, not passed off as sold out.
	 */
	static String apology(String reason) {
		String stated = (reason != null) ? reason.strip() : "";
		if (stated.length() > MAX_REASON) {
			stated = stated.substring(0, MAX_REASON);
		}
		String normalized = stated.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
		if (normalized.equals("sold out")) {
			return Apology.SOLD_OUT;
		}
		if (normalized.equals(DEADLINE_PASSED)) {
			return Apology.LATE;
		}
		if (stated.isEmpty()) {
			return "We could not reserve this order; you will not be charged.";
		}
		return "We could not reserve this order (" + stated + "); you will not be charged.";
	}

	private Order held(String orderId) {
		if (orderId == null || orderId.isBlank()) {
			throw new MalformedEvent("The event names no order");
		}
		return this.orders.find(orderId).orElse(null);
	}

	private static boolean isAsync(Order order) {
		if (order.mode() != CheckoutMode.ASYNC) {
			// not ours to settle: a sync order inventory echoed
			log.debug("Ignoring stock event for {} order {}", order.mode(), order.orderId());
			return false;
		}
		return true;
	}

	@FunctionalInterface
	private interface Settle<T> {

		boolean apply(T event);

	}

}
