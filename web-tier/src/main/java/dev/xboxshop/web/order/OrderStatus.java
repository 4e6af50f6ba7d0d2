package dev.xboxshop.web.order;

import java.util.List;

import dev.xboxshop.web.gateway.Order;
import dev.xboxshop.web.gateway.Order.OrderLine;

/**
 * An order's state as the order page shows it, and as the status stream sends it to the
 * page.
 *
 * @param orderId the order
 * @param status ACCEPTED, CONFIRMED, CANCELLED or REJECTED
 * @param reason why it was cancelled or rejected (the apology), or empty
 * @param mode the checkout mode it was placed in
 * @param headline one sentence for people
 * @param done whether the status can still change
 * @param lines what was bought
 * @param totalCents what it costs, or null for an order stored without prices
 * @param createdAt when it was placed (ISO-8601), or null
 */
record OrderStatus(String orderId, String status, String reason, String mode, String headline, boolean done,
		List<OrderLine> lines, Long totalCents, String createdAt) {

	static OrderStatus of(Order order) {
		String status = (order.status() != null) ? order.status() : "UNKNOWN";
		String reason = (order.reason() != null) ? order.reason() : "";
		return new OrderStatus(order.orderId(), status, reason, order.mode(), headline(status), order.isFinal(),
				order.items(), order.totalCents(), order.createdAt());
	}

	private static String headline(String status) {
		return switch (status) {
			case "ACCEPTED" -> "We have your order and are reserving your console...";
			case "CONFIRMED" -> "Confirmed! Your X-Box is reserved for you.";
			case "CANCELLED" -> "We are sorry: we could not reserve a console for this order.";
			case "REJECTED" -> "This order could not be accepted.";
			default -> "We are checking on this order.";
		};
	}

}
