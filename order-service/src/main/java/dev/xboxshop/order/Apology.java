package dev.xboxshop.order;

/**
 * What a shopper reads on an order the shop could not keep.
 */
public final class Apology {

	/** Inventory had no stock left for an accepted order. */
	public static final String SOLD_OUT = "Sold out after your order was accepted; you will not be charged.";

	/** No stock answer came before the order's deadline. */
	public static final String LATE = "We could not confirm stock in time; you will not be charged.";

	private Apology() {
	}

}
