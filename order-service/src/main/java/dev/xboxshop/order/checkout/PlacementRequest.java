package dev.xboxshop.order.checkout;

import java.time.Instant;
import java.util.List;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderStatus;

/**
 * A validated order to place.
 *
 * @param orderId the id the order gets (fixed when its idempotency key was claimed)
 * @param customerId who orders
 * @param items the lines, one per sku
 * @param idempotencyKey the key it was sent with
 */
record PlacementRequest(String orderId, String customerId, List<OrderLine> items, String idempotencyKey) {

	Order newOrder(CheckoutMode mode, Instant now, String launchSku) {
		int limitedUnits = this.items.stream()
			.filter((line) -> line.sku().equals(launchSku))
			.mapToInt(OrderLine::quantity)
			.sum();
		return new Order(this.orderId, this.customerId, this.items, OrderStatus.ACCEPTED, mode, null, now, now,
				limitedUnits, this.idempotencyKey);
	}

}
