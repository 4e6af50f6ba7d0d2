package dev.xboxshop.web.cart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.xboxshop.web.Notice;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.gateway.GatewayProblem;
import dev.xboxshop.web.gateway.Order.OrderLine;
import dev.xboxshop.web.gateway.PlacedOrder;
import dev.xboxshop.web.shopper.Shopper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;

/**
 * Places the order with the idempotency key from the rendered form, then shows the order
 * page (201 confirmed, 202 accepted) or takes the shopper back to the cart with what went
 * wrong.
 */
@Controller
class CheckoutController {

	private static final Log logger = LogFactory.getLog(CheckoutController.class);

	private final GatewayClient gateway;

	CheckoutController(GatewayClient gateway) {
		this.gateway = gateway;
	}

	@PostMapping("/checkout")
	String checkout(Shopper shopper, @RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
			@RequestParam(name = "line", required = false) List<String> lines) {
		if (!CheckoutForm.isIdempotencyKey(idempotencyKey)) {
			return CartController.redirect(Notice.CHECKOUT_EXPIRED);
		}
		Optional<List<OrderLine>> items = CheckoutForm.parse(lines);
		if (items.isEmpty()) {
			return CartController.redirect(Notice.CART_EMPTY);
		}
		PlacedOrder placed;
		try {
			placed = this.gateway.placeOrder(shopper.customerId(), shopper.token(), items.get(), idempotencyKey);
		}
		catch (GatewayProblem problem) {
			if (problem.status() >= 500) {
				return tryAgainWithTheSameKey(Notice.forProblem(problem, Notice.BUSY), idempotencyKey);
			}
			return CartController.redirect(Notice.forProblem(problem, Notice.ORDER_FAILED));
		}
		catch (RestClientException unreachable) {
			return tryAgainWithTheSameKey(Notice.BUSY, idempotencyKey);
		}
		if (placed.order() == null || placed.order().orderId() == null) {
			return CartController.redirect(Notice.ORDER_FAILED);
		}
		emptyCart(shopper);
		Notice notice = (placed.status() == 201 || "CONFIRMED".equals(placed.order().status())) ? Notice.ORDER_CONFIRMED
				: Notice.ORDER_ACCEPTED;
		return "redirect:/orders/" + UriUtils.encodePathSegment(placed.order().orderId(), StandardCharsets.UTF_8)
				+ "?notice=" + notice.code();
	}

	/**
	 * After a timeout or a 5xx the order may still have been placed, so the next press
	 * must send the same key: it then returns that order, or places it if nothing was
	 * kept.
	 */
	private static String tryAgainWithTheSameKey(Notice notice, String idempotencyKey) {
		return CartController.redirect(notice) + "&retry=" + idempotencyKey;
	}

	/**
	 * The order stands whether or not the cart empties, so a failure here is only logged.
	 */
	private void emptyCart(Shopper shopper) {
		try {
			this.gateway.clearCart(shopper.cartId());
		}
		catch (RuntimeException failure) {
			logger.info("Order placed but the cart was not emptied: " + failure.getMessage());
		}
	}

}
