package dev.xboxshop.web.cart;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.xboxshop.web.Notice;
import dev.xboxshop.web.gateway.Cart;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.gateway.GatewayProblem;
import dev.xboxshop.web.parts.Part;
import dev.xboxshop.web.parts.ServerTiming;
import dev.xboxshop.web.parts.StorefrontParts;
import dev.xboxshop.web.shopper.Shopper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;

/**
 * The cart page and its forms (add, set quantity, remove). Every post redirects back with
 * a notice code; bad input changes nothing.
 */
@Controller
class CartController {

	private final StorefrontParts parts;

	private final GatewayClient gateway;

	CartController(StorefrontParts parts, GatewayClient gateway) {
		this.parts = parts;
		this.gateway = gateway;
	}

	@GetMapping("/cart")
	String cart(Shopper shopper, Model model, HttpServletResponse response,
			@RequestParam(name = "retry", required = false) String retryKey) {
		long start = System.nanoTime();
		CompletableFuture<Part<Cart>> cart = this.parts.cart(shopper.cartId());
		ServerTiming timing = ServerTiming.await(start, List.of(cart));
		response.setHeader(ServerTiming.HEADER, timing.header());
		Part<Cart> part = cart.join();
		model.addAttribute("cart", part);
		model.addAttribute("timing", timing);
		if (part.hasValue()) {
			model.addAttribute("checkout", CheckoutForm.of(part.value(), retryKey));
		}
		return "cart";
	}

	/** The Buy and Add buttons: one more of the item. */
	@PostMapping("/cart/items")
	String add(Shopper shopper, @RequestParam("sku") String sku,
			@RequestParam(name = "quantity", defaultValue = "1") String quantity) {
		int more = CheckoutForm.parseQuantity(quantity);
		if (!CheckoutForm.SKU.matcher(sku).matches() || more < 1) {
			return redirect(Notice.INVALID_QUANTITY);
		}
		return change(Notice.ADDED, sku, () -> {
			int current = this.gateway.cart(shopper.cartId()).quantityOf(sku);
			this.gateway.setQuantity(shopper.cartId(), sku, current + more);
		});
	}

	@PostMapping("/cart/items/{sku}")
	String setQuantity(Shopper shopper, @PathVariable("sku") String sku, @RequestParam("quantity") String quantity) {
		int wanted = CheckoutForm.parseQuantity(quantity);
		if (!CheckoutForm.SKU.matcher(sku).matches() || wanted < 0) {
			return redirect(Notice.INVALID_QUANTITY);
		}
		if (wanted == 0) {
			return change(Notice.REMOVED, sku, () -> this.gateway.remove(shopper.cartId(), sku));
		}
		return change(Notice.UPDATED, sku, () -> this.gateway.setQuantity(shopper.cartId(), sku, wanted));
	}

	@PostMapping("/cart/items/{sku}/remove")
	String remove(Shopper shopper, @PathVariable("sku") String sku) {
		if (!CheckoutForm.SKU.matcher(sku).matches()) {
			return redirect(Notice.UNKNOWN_PRODUCT);
		}
		return change(Notice.REMOVED, sku, () -> this.gateway.remove(shopper.cartId(), sku));
	}

	private String change(Notice done, String sku, Runnable call) {
		try {
			call.run();
			return redirect(done);
		}
		catch (GatewayProblem problem) {
			Notice notice = Notice.forProblem(problem, Notice.CART_UNAVAILABLE);
			return (notice == Notice.INVALID_QUANTITY) ? redirectNamingTheLimit(sku) : redirect(notice);
		}
		catch (RestClientException unreachable) {
			return redirect(Notice.CART_UNAVAILABLE);
		}
	}

	/** The quantity error with the item's per-order limit, when the catalog tells it. */
	private String redirectNamingTheLimit(String sku) {
		try {
			return redirect(Notice.INVALID_QUANTITY) + "&limit=" + this.gateway.product(sku).maxPerOrder();
		}
		catch (RuntimeException catalogUnavailable) {
			return redirect(Notice.INVALID_QUANTITY);
		}
	}

	static String redirect(Notice notice) {
		return "redirect:/cart?notice=" + notice.code();
	}

}
