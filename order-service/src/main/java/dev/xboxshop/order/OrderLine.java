package dev.xboxshop.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of an order, with the name and unit price the catalog had when it was placed
 * (later price changes do not touch it). Orders stored before lines carried prices read
 * with a null name and price.
 *
 * @param sku the product
 * @param name the product's name at order time, or null for an order stored without it
 * @param unitPriceCents the unit price at order time, or null for an order stored without
 * it
 * @param quantity units, at least one
 */
@JsonIgnoreProperties(value = "lineTotalCents", allowGetters = true)
public record OrderLine(String sku, String name, Long unitPriceCents, int quantity) {

	/** A line not priced (yet): what the shopper asked for, or what an event names. */
	public OrderLine(String sku, int quantity) {
		this(sku, null, null, quantity);
	}

	/** The line priced from the catalog. */
	public OrderLine priced(String name, long unitPriceCents) {
		return new OrderLine(this.sku, name, unitPriceCents, this.quantity);
	}

	/** Unit price times quantity, or null when the line carries no price. */
	@JsonProperty("lineTotalCents")
	public Long lineTotalCents() {
		return (this.unitPriceCents != null) ? this.unitPriceCents * this.quantity : null;
	}

}
