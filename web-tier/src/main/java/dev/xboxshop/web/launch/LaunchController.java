package dev.xboxshop.web.launch;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.xboxshop.web.WebTierProperties;
import dev.xboxshop.web.gateway.Cart;
import dev.xboxshop.web.gateway.Order;
import dev.xboxshop.web.parts.Part;
import dev.xboxshop.web.parts.ProductStock;
import dev.xboxshop.web.parts.ServerTiming;
import dev.xboxshop.web.parts.StorefrontParts;
import dev.xboxshop.web.shopper.Shopper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The launch page: the X-Box with live stock, the Buy button, the checkout mode, the
 * shopper's cart and recent orders, each part fetched in parallel with its own timeout
 * and fallback.
 */
@Controller
class LaunchController {

	private final StorefrontParts parts;

	private final String sku;

	LaunchController(StorefrontParts parts, WebTierProperties properties) {
		this.parts = parts;
		this.sku = properties.launchSku();
	}

	@GetMapping("/")
	String launch(Shopper shopper, Model model, HttpServletResponse response) {
		long start = System.nanoTime();
		CompletableFuture<Part<ProductStock>> product = this.parts.product(this.sku);
		CompletableFuture<Part<Cart>> cart = this.parts.cart(shopper.cartId());
		CompletableFuture<Part<List<Order>>> orders = this.parts.recentOrders(shopper.customerId(), shopper.token());
		CompletableFuture<Part<String>> mode = this.parts.checkoutMode();
		ServerTiming timing = ServerTiming.await(start, List.of(product, cart, orders, mode));
		response.setHeader(ServerTiming.HEADER, timing.header());
		model.addAttribute("sku", this.sku);
		model.addAttribute("product", product.join());
		model.addAttribute("cart", cart.join());
		model.addAttribute("orders", orders.join());
		model.addAttribute("mode", mode.join());
		model.addAttribute("timing", timing);
		return "launch";
	}

	/**
	 * The stock panel alone, which the launch page re-fetches every couple of seconds.
	 */
	@GetMapping("/fragments/stock")
	String stock(Model model, HttpServletResponse response) {
		long start = System.nanoTime();
		CompletableFuture<Part<ProductStock>> product = this.parts.product(this.sku);
		ServerTiming timing = ServerTiming.await(start, List.of(product));
		response.setHeader(ServerTiming.HEADER, timing.header());
		model.addAttribute("product", product.join());
		return "fragments/stock :: stock";
	}

}
