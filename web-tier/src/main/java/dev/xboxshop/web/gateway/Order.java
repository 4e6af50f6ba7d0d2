package dev.xboxshop.web.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The web-tier's copy of order-service's {@code Order}. Orders placed before lines
 * carried prices have no name, unit price or total (null).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(String orderId, String customerId, List<OrderLine> items, Long totalCents, String status,
		String mode, String reason, String createdAt, String updatedAt) {

	public Order {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	/** CONFIRMED, CANCELLED and REJECTED never change again. */
	public boolean isFinal() {
		return !"ACCEPTED".equals(this.status);
	}

	/**
	 * One line: what the shopper asks for ({@code sku, quantity}), and, as order-service
	 * answers, the name and unit price from the catalog at order time.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record OrderLine(String sku, String name, Long unitPriceCents, int quantity) {

		public OrderLine(String sku, int quantity) {
			this(sku, null, null, quantity);
		}

		/** The name to show: the catalog's, or the sku for an order stored without it. */
		public String label() {
			return (this.name != null && !this.name.isBlank()) ? this.name : this.sku;
		}

		/** Unit price times quantity, or null when the line has no price. */
		public Long lineTotalCents() {
			return (this.unitPriceCents != null) ? this.unitPriceCents * this.quantity : null;
		}

	}

}
