package dev.xboxshop.order.checkout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.inventory.InventoryClient;
import dev.xboxshop.order.inventory.ReservationOutcome;
import dev.xboxshop.order.inventory.WarehouseUnavailable;

/**
 * Perfect accuracy: reserve every line over HTTP while the shopper waits. The answer is
 * final: 201 CONFIRMED, or 409 with the order REJECTED; when inventory is slow, failing
 * or behind an open breaker, 503 and the order is dropped. Whatever was (or may have
 * been) reserved for an order that does not end CONFIRMED goes into the release outbox in
 * the same step that fails or drops the order. A sync order is cancelled by its own
 * deadline ({@code shop.order.sync.deadline}) if its replica dies mid-call.
 */
@Component
class SyncCheckout implements Checkout {

	private final OrderIntake intake;

	private final OrderRepository orders;

	private final InventoryClient inventory;

	private final Duration deadline;

	SyncCheckout(OrderIntake intake, OrderRepository orders, InventoryClient inventory, OrderProperties properties) {
		this.intake = intake;
		this.orders = orders;
		this.inventory = inventory;
		this.deadline = properties.sync().deadline();
	}

	@Override
	public CheckoutMode mode() {
		return CheckoutMode.SYNC;
	}

	@Override
	public CheckoutOutcome place(PlacementRequest request) {
		Order order = this.intake.accept(request, CheckoutMode.SYNC, this.deadline, null);
		if (order.status() != OrderStatus.ACCEPTED) {
			return settled(order);
		}
		List<String> held = new ArrayList<>();
		for (OrderLine item : order.items()) {
			ReservationOutcome outcome;
			try {
				outcome = this.inventory.reserve(order.orderId(), item.sku(), item.quantity());
			}
			catch (WarehouseUnavailable ex) {
				if (ex.mayHaveReserved()) {
					held.add(item.sku());
				}
				drop(order, held);
				throw ex;
			}
			catch (RuntimeException ex) {
				drop(order, held);
				throw ex;
			}
			if (!outcome.reserved()) {
				return reject(order, held, "Sold out: there are not enough " + item.sku() + " left for this order.");
			}
			held.add(item.sku());
		}
		return confirm(order);
	}

	private CheckoutOutcome confirm(Order order) {
		if (!this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CONFIRMED, null).changed()) {
			// the deadline cancelled it while inventory was answering, and released it
			throw new WarehouseUnavailable("The warehouse answered too late; please try again.", false);
		}
		return CheckoutOutcome.confirmed(reload(order));
	}

	private CheckoutOutcome reject(Order order, List<String> held, String reason) {
		this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.REJECTED, reason, held);
		return CheckoutOutcome.soldOut(reload(order));
	}

	/** The shopper gets an error, not an order: forget it and give back what was held. */
	private void drop(Order order, List<String> held) {
		this.orders.discard(order, held);
	}

	/** An earlier attempt with the same key already settled the order. */
	private CheckoutOutcome settled(Order order) {
		return switch (order.status()) {
			case CONFIRMED -> CheckoutOutcome.confirmed(order);
			case REJECTED -> CheckoutOutcome.soldOut(order);
			// cancelled meanwhile (its deadline passed): final, so say so rather than
			// "try again"
			case CANCELLED -> CheckoutOutcome.cancelled(order);
			default -> throw new WarehouseUnavailable("The warehouse did not answer in time; please try again.", false);
		};
	}

	private Order reload(Order order) {
		return this.orders.find(order.orderId()).orElse(order);
	}

}
