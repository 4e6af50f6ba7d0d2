package dev.xboxshop.web;

import java.util.Arrays;
import java.util.Optional;

import dev.xboxshop.web.gateway.GatewayProblem;

/**
 * The messages a page shows after a form post. A redirect carries only the code ({@code
 * ?notice=sold-out}), so nothing a visitor types is ever echoed back into a page.
 */
public enum Notice {

	ADDED("added", false, "Added to your cart."),

	UPDATED("updated", false, "Cart updated."),

	REMOVED("removed", false, "Removed from your cart."),

	CART_EMPTY("cart-empty", true, "Your cart is empty: add the X-Box first."),

	CART_UNAVAILABLE("cart-unavailable", true, "Your cart is unavailable right now. Please try again in a moment."),

	INVALID_QUANTITY("invalid-quantity", true, "That quantity is not possible for this item."),

	UNKNOWN_PRODUCT("unknown-product", true, "We do not sell that product."),

	SOLD_OUT("sold-out", true, "Sold out: every X-Box for tonight is spoken for. Nothing was charged."),

	PURCHASE_LIMIT("purchase-limit", true,
			"Purchase limit reached: the launch X-Box is limited per customer so more families get one."),

	CHECKOUT_REUSED("checkout-reused", true,
			"This checkout was already used for a different cart. Please review your cart and place the order again."),

	CHECKOUT_EXPIRED("checkout-expired", true, "That checkout form is no longer valid. Please place the order again."),

	BUSY("busy", true, "The shop is busy, try again in a moment."),

	WAREHOUSE_UNAVAILABLE("warehouse-unavailable", true,
			"The warehouse cannot confirm stock right now, so nothing was ordered. Please try again in a moment."),

	TOO_MANY("too-many", true, "Too many requests: please wait a few seconds and try again."),

	ORDER_FAILED("order-failed", true, "We could not place your order. Please try again."),

	ORDER_CONFIRMED("order-confirmed", false, "Thank you! Your order is confirmed."),

	ORDER_ACCEPTED("order-accepted", false, "Thank you! We have your order and are reserving your console."),

	MODE_SWITCHED("mode-switched", false, "Checkout mode switched."),

	CHAOS_SET("chaos-set", false, "Inventory chaos updated."),

	STOCK_SET("stock-set", false, "Stock updated."),

	RUSH_STARTED("rush-started", false, "Launch rush started: watch the charts."),

	RUSH_RUNNING("rush-running", true, "A launch rush is still running: wait for it to end. Nothing was changed."),

	DEMO_RESET("demo-reset", false,
			"Demo reset: stock restored, chaos off, default checkout mode, and the async backlog is drained."),

	DEMO_RESET_UNDRAINED("demo-reset-undrained", true,
			"Demo reset: stock restored, chaos off, default checkout mode; but async orders were still being booked when the wait ended."),

	LAB_FAILED("lab-failed", true, "The gateway refused or did not answer. Nothing was changed."),

	INVALID_INPUT("invalid-input", true, "That value is not allowed. Nothing was changed."),

	LOGIN_FAILED("login-failed", true, "That operator token is not right."),

	LOGGED_OUT("logged-out", false, "Signed out of the lab.");

	private final String code;

	private final boolean error;

	private final String text;

	Notice(String code, boolean error, String text) {
		this.code = code;
		this.error = error;
		this.text = text;
	}

	public String code() {
		return this.code;
	}

	public boolean isError() {
		return this.error;
	}

	public String text() {
		return this.text;
	}

	public static Optional<Notice> of(String code) {
		return Arrays.stream(values()).filter((notice) -> notice.code.equals(code)).findFirst();
	}

	/** What to tell a shopper when the gateway refused a cart or checkout call. */
	public static Notice forProblem(GatewayProblem problem, Notice otherwise) {
		return switch (problem.slug()) {
			case "sold-out" -> SOLD_OUT;
			case "purchase-limit" -> PURCHASE_LIMIT;
			case "idempotency-key-reused" -> CHECKOUT_REUSED;
			case "invalid-quantity" -> INVALID_QUANTITY;
			case "unknown-product" -> UNKNOWN_PRODUCT;
			case "rate-limited" -> TOO_MANY;
			// sync and escrow wait for the warehouse, and say so when it does not answer
			case "warehouse-unavailable" -> WAREHOUSE_UNAVAILABLE;
			default -> forStatus(problem.status(), otherwise);
		};
	}

	private static Notice forStatus(int status, Notice otherwise) {
		if (status == 409) {
			return SOLD_OUT;
		}
		if (status == 429) {
			return TOO_MANY;
		}
		if (status >= 500) {
			return BUSY;
		}
		return otherwise;
	}

}
