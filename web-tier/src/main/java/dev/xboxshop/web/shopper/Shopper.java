package dev.xboxshop.web.shopper;

/**
 * The anonymous shopper behind a request, known by the customer id in their cookie. There
 * is no login: the cart id is the customer id.
 *
 * @param customerId a random UUID, issued on the first visit
 */
public record Shopper(String customerId) {

	public String cartId() {
		return this.customerId;
	}

}
