package dev.xboxshop.order;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Reading orders. Placing one is {@code order.checkout.CheckoutController}.
 */
@RestController
class OrderController {

	private final OrderRepository orders;

	private final OrderStatusStream statusStream;

	private final OrderProperties properties;

	OrderController(OrderRepository orders, OrderStatusStream statusStream, OrderProperties properties) {
		this.orders = orders;
		this.statusStream = statusStream;
		this.properties = properties;
	}

	@GetMapping("/api/orders/{orderId}")
	Order order(@PathVariable String orderId) {
		return this.orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
	}

	@GetMapping(path = "/api/orders/{orderId}/events")
	SseEmitter events(@PathVariable String orderId) {
		Order order = this.orders.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
		return this.statusStream.open(order);
	}

	@GetMapping("/api/orders")
	List<Order> recent(@RequestParam(required = false) String customerId,
			@RequestParam(required = false) Integer limit) {
		if (customerId == null || customerId.isBlank()) {
			throw new MalformedRequest("Query parameter customerId is required.");
		}
		int max = this.properties.recentOrders();
		if (limit != null && (limit < 1 || limit > max)) {
			throw new MalformedRequest("limit must be between 1 and " + max + ".");
		}
		return this.orders.recent(customerId, (limit != null) ? limit : max);
	}

}
