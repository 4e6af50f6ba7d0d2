package dev.xboxshop.web.shopper;

/**
 * The anonymous shopper behind a request, known by the signed customer token in their
 * cookie (issued by the gateway, {@code POST /api/identity}). There is no login: the cart
 * id is the customer id.
 *
 * @param customerId the id the token names
 * @param token the token, sent to the gateway as the shopper's bearer; null when none
 * could be had (the gateway was unreachable), so checkout is refused until a later visit
 */
public record Shopper(String customerId, String token) {

	public String cartId() {
		return this.customerId;
	}

}
