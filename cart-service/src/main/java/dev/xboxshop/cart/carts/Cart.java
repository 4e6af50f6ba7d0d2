package dev.xboxshop.cart.carts;

import java.time.Instant;
import java.util.List;

/**
 * A priced cart as clients see it. {@code expiresAt} is null for a cart with nothing in
 * it.
 */
record Cart(String cartId, List<CartItem> items, long totalCents, Instant expiresAt) {

	static Cart of(String cartId, List<CartItem> items, Instant expiresAt) {
		long total = items.stream().mapToLong(CartItem::lineTotalCents).sum();
		return new Cart(cartId, List.copyOf(items), total, expiresAt);
	}

}
