package dev.xboxshop.order.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderRepository.Creation;
import dev.xboxshop.order.OutboxEntry;

/**
 * Stores a new order as ACCEPTED, with the scalper rule applied in the same atomic step,
 * for every mode.
 */
@Component
class OrderIntake {

	private final OrderRepository orders;

	private final OrderProperties properties;

	private final Clock clock;

	OrderIntake(OrderRepository orders, OrderProperties properties, Clock clock) {
		this.orders = orders;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Store the order, or find it if an earlier attempt with the same key stored it.
	 * @param request the order to place
	 * @param mode its checkout mode
	 * @param deadline how long it may stay ACCEPTED before it is cancelled
	 * @param event the outbox event to write with it, or null for none
	 * @return the order as stored
	 * @throws PurchaseLimitReached when the customer would hold too many launch items
	 */
	Order accept(PlacementRequest request, CheckoutMode mode, Duration deadline, Function<Order, OutboxEntry> event) {
		Instant now = this.clock.instant();
		Order order = request.newOrder(mode, now, this.properties.launchSku());
		Creation creation = this.orders.create(order, now.plus(deadline), this.properties.purchaseLimit(),
				(event != null) ? event.apply(order) : null);
		return switch (creation.state()) {
			case CREATED -> order;
			case EXISTS -> this.orders.find(order.orderId()).orElse(order);
			case LIMIT -> throw new PurchaseLimitReached(this.properties.launchSku(), this.properties.purchaseLimit(),
					creation.heldUnits());
		};
	}

}
