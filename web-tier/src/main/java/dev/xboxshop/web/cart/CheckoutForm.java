package dev.xboxshop.web.cart;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.xboxshop.web.gateway.Cart;
import dev.xboxshop.web.gateway.Order.OrderLine;

/**
 * The checkout form as rendered: a fresh idempotency key and the cart lines the shopper
 * saw. Both travel as hidden fields, so a double click or a resubmit sends the same key
 * with the same body (order-service then answers with the first order) even after the
 * cart was emptied.
 *
 * @param idempotencyKey a random UUID, new each time the form is rendered, unless an
 * attempt with it ended in a timeout or a 5xx
 * @param lines the cart as {@code SKU:quantity}
 */
record CheckoutForm(String idempotencyKey, List<String> lines) {

	static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	static final int MAX_QUANTITY = 99;

	/**
	 * The form for a cart: a fresh key, or the key of an attempt whose outcome is
	 * unknown.
	 */
	static CheckoutForm of(Cart cart, String retryKey) {
		List<String> lines = cart.items().stream().map((item) -> item.sku() + ":" + item.quantity()).toList();
		return new CheckoutForm(isIdempotencyKey(retryKey) ? retryKey : UUID.randomUUID().toString(), lines);
	}

	static boolean isIdempotencyKey(String key) {
		try {
			return key != null && UUID.fromString(key).toString().equalsIgnoreCase(key);
		}
		catch (IllegalArgumentException malformed) {
			return false;
		}
	}

	/** The posted lines as order lines, or empty if any line is malformed. */
	static Optional<List<OrderLine>> parse(List<String> lines) {
		if (lines == null || lines.isEmpty() || lines.size() > 50) {
			return Optional.empty();
		}
		List<OrderLine> parsed = lines.stream().map(CheckoutForm::parseLine).toList();
		return parsed.contains(null) ? Optional.empty() : Optional.of(parsed);
	}

	private static OrderLine parseLine(String line) {
		int colon = line.lastIndexOf(':');
		if (colon < 0) {
			return null;
		}
		String sku = line.substring(0, colon);
		int quantity = parseQuantity(line.substring(colon + 1));
		return (SKU.matcher(sku).matches() && quantity > 0) ? new OrderLine(sku, quantity) : null;
	}

	/** A quantity between 0 and {@link #MAX_QUANTITY}, or -1. */
	static int parseQuantity(String text) {
		if (text == null || !text.trim().matches("\\d{1,3}")) {
			return -1;
		}
		int quantity = Integer.parseInt(text.trim());
		return (quantity <= MAX_QUANTITY) ? quantity : -1;
	}

}
