package dev.xboxshop.order;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An order as the shopper sees it, plus two bookkeeping fields that stay inside the
 * service.
 *
 * @param orderId the id
 * @param customerId who ordered
 * @param items the lines, one per sku
 * @param status where it is in the state machine
 * @param mode how it was checked out
 * @param reason why it was cancelled or rejected, for the shopper; null otherwise
 * @param createdAt when it was accepted
 * @param updatedAt when its status last changed
 * @param limitedUnits units of the launch item counted against the purchase limit
 * @param idempotencyKey the key it was placed with
 */
public record Order(String orderId, String customerId, List<OrderLine> items, OrderStatus status, CheckoutMode mode,
		String reason, Instant createdAt, Instant updatedAt, @JsonIgnore int limitedUnits,
		@JsonIgnore String idempotencyKey) {

	/**
	 * The skus of its lines, in line order. Inventory holds one reservation per (order
	 * id, sku), in every mode, so these name every reservation the order may have.
	 * @return the skus
	 */
	public List<String> skus() {
		return this.items.stream().map(OrderLine::sku).toList();
	}

	public int unitsOf(String sku) {
		return this.items.stream().filter((line) -> line.sku().equals(sku)).mapToInt(OrderLine::quantity).sum();
	}

	/**
	 * What the order costs: the sum of its lines at the prices of order time.
	 * @return integer cents, or null for an order stored before lines carried prices
	 */
	@JsonProperty("totalCents")
	public Long totalCents() {
		long total = 0;
		for (OrderLine line : this.items) {
			if (line.lineTotalCents() == null) {
				return null;
			}
			total += line.lineTotalCents();
		}
		return total;
	}

}
