package dev.xboxshop.cart.carts;

import java.util.regex.Pattern;

import dev.xboxshop.cart.problems.MalformedRequest;

/**
 * A cart id as the storefront mints it (a cookie value): 1 to 64 letters, digits or
 * dashes. Anything else is refused before it becomes part of a Redis key.
 */
record CartId(String value) {

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,64}");

	CartId {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new MalformedRequest("A cart id is 1 to 64 letters, digits or dashes.");
		}
	}

	/** The Redis key; the hash tag keeps one cart in one cluster slot. */
	String redisKey() {
		return "cart:{" + this.value + "}";
	}

}
