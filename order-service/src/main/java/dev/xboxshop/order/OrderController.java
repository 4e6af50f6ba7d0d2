package dev.xboxshop.order;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

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

	private final Caller caller;

	OrderController(OrderRepository orders, OrderStatusStream statusStream, OrderProperties properties, Caller caller) {
		this.caller = caller;
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

	/**
	 * A customer's orders, for that customer (the one the gateway verified; the query's
	 * {@code customerId} may name it, or be left out) or the operator (any customer).
	 */
	@GetMapping("/api/orders")
	List<Order> recent(@RequestParam(required = false) String customerId, @RequestParam(required = false) Integer limit,
			HttpServletRequest request) {
		customerId = whoseOrders(customerId, request);
		int max = this.properties.recentOrders();
		if (limit != null && (limit < 1 || limit > max)) {
			throw new MalformedRequest("limit must be between 1 and " + max + ".");
		}
		return this.orders.recent(customerId, (limit != null) ? limit : max);
	}

	private String whoseOrders(String asked, HttpServletRequest request) {
		boolean named = asked != null && !asked.isBlank();
		if (this.caller.isOperator(request)) {
			if (!named) {
				throw new MalformedRequest("Query parameter customerId is required.");
			}
			return asked;
		}
		String customer = this.caller.customer(request);
		if (named && !asked.equals(customer)) {
			throw new Caller.NotYours("These are another customer's orders.");
		}
		return customer;
	}

}
