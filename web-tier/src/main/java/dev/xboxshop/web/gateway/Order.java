package dev.xboxshop.web.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The web-tier's copy of order-service's {@code Order}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(String orderId, String customerId, List<OrderLine> items, String status, String mode, String reason,
		String createdAt, String updatedAt) {

	public Order {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	/** CONFIRMED, CANCELLED and REJECTED never change again. */
	public boolean isFinal() {
		return !"ACCEPTED".equals(this.status);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OrderLine(String sku, int quantity) {

	}

}
