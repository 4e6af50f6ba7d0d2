package dev.xboxshop.order.events;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderRepository.Transition;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.inventory.ReservationReleases;

/**
 * Inventory's answers to async orders. Idempotent: the status moves only out of ACCEPTED
 * (a compare-and-set in Redis), so a duplicate or late event changes nothing; stock
 * reserved for an order that was already cancelled is released again.
 */
@Component
class StockEventsListener {

	static final String SOLD_OUT_APOLOGY = "Sold out after your order was accepted; you will not be charged.";

	private static final int MAX_REASON = 200;

	private static final Logger log = LoggerFactory.getLogger(StockEventsListener.class);

	private final OrderRepository orders;

	private final ReservationReleases releases;

	StockEventsListener(OrderRepository orders, ReservationReleases releases) {
		this.orders = orders;
		this.releases = releases;
	}

	@KafkaListener(topics = Topics.STOCK_RESERVED, groupId = "${shop.order.kafka.group-id:order-service}",
			properties = "spring.json.value.default.type=dev.xboxshop.order.events.StockReserved")
	void stockReserved(StockReserved event) {
		Order order = asyncOrder(event.orderId());
		if (order == null) {
			return;
		}
		Transition transition = this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CONFIRMED, null);
		if (!transition.changed() && transition.current() != null && transition.current().isFailed()) {
			log.info("Stock reserved for {} order {}; releasing it", transition.current(), order.orderId());
			this.releases.schedule(order.reservationIds());
		}
	}

	@KafkaListener(topics = Topics.STOCK_REJECTED, groupId = "${shop.order.kafka.group-id:order-service}",
			properties = "spring.json.value.default.type=dev.xboxshop.order.events.StockRejected")
	void stockRejected(StockRejected event) {
		Order order = asyncOrder(event.orderId());
		if (order != null) {
			this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, apology(event.reason()));
		}
	}

	/**
	 * What the shopper reads on a rejected order: the sold-out apology only when it was
	 * sold out; anything else (unknown product, invalid quantity) is named, not passed
	 * off as sold out.
	 */
	static String apology(String reason) {
		String stated = (reason != null) ? reason.strip() : "";
		if (stated.length() > MAX_REASON) {
			stated = stated.substring(0, MAX_REASON);
		}
		String normalized = stated.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
		if (normalized.equals("sold out")) {
			return SOLD_OUT_APOLOGY;
		}
		if (stated.isEmpty()) {
			return "We could not reserve this order; you will not be charged.";
		}
		return "We could not reserve this order (" + stated + "); you will not be charged.";
	}

	private Order asyncOrder(String orderId) {
		if (orderId == null || orderId.isBlank()) {
			throw new MalformedEvent("The event names no order");
		}
		Order order = this.orders.find(orderId).orElse(null);
		if (order == null || order.mode() != CheckoutMode.ASYNC) {
			// not ours to settle: another shop's order, or a sync order inventory echoed
			log.debug("Ignoring stock event for order {} ({})", orderId, (order != null) ? order.mode() : "unknown");
			return null;
		}
		return order;
	}

}
