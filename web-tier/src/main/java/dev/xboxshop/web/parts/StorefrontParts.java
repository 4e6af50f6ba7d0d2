package dev.xboxshop.web.parts;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.xboxshop.web.gateway.Cart;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.gateway.Order;

import org.springframework.stereotype.Component;

/**
 * The parts pages are made of, each started on its own with its own timeout and fallback.
 */
@Component
public class StorefrontParts {

	static final int RECENT_ORDERS = 5;

	private final PartRunner runner;

	private final GatewayClient gateway;

	private final StockCache stockCache;

	StorefrontParts(PartRunner runner, GatewayClient gateway, StockCache stockCache) {
		this.runner = runner;
		this.gateway = gateway;
		this.stockCache = stockCache;
	}

	/** The product with live stock; falls back to the last known stock, or null. */
	public CompletableFuture<Part<ProductStock>> product(String sku) {
		return this.runner.start("product", () -> this.stockCache.remember(this.gateway.product(sku)),
				(failure) -> this.stockCache.lastKnown(sku).orElse(null));
	}

	/** The shopper's cart; falls back to null ("cart unavailable"). */
	public CompletableFuture<Part<Cart>> cart(String cartId) {
		return this.runner.start("cart", () -> this.gateway.cart(cartId));
	}

	/** The shopper's newest orders; falls back to null ("orders unavailable"). */
	public CompletableFuture<Part<List<Order>>> recentOrders(String customerId, String token) {
		return this.runner.start("orders", () -> {
			List<Order> orders = this.gateway.ordersOf(customerId, token);
			return orders.subList(0, Math.min(RECENT_ORDERS, orders.size()));
		});
	}

	/**
	 * The active checkout mode, read with the operator token held here; falls back to
	 * null.
	 */
	public CompletableFuture<Part<String>> checkoutMode() {
		return this.runner.start("mode", this.gateway::checkoutMode);
	}

}
