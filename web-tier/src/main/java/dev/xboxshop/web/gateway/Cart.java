package dev.xboxshop.web.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The web-tier's copy of cart-service's {@code Cart}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cart(String cartId, List<CartItem> items, long totalCents, String expiresAt) {

	public Cart {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	public int quantityOf(String sku) {
		return this.items.stream().filter((item) -> item.sku().equals(sku)).mapToInt(CartItem::quantity).sum();
	}

	public int itemCount() {
		return this.items.stream().mapToInt(CartItem::quantity).sum();
	}

	public boolean isEmpty() {
		return this.items.isEmpty();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CartItem(String sku, String name, long unitPriceCents, int quantity, long lineTotalCents) {

	}

}
