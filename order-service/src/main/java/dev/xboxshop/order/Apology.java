package dev.xboxshop.order;

import java.util.Locale;

/**
 * What a shopper reads on an order the shop could not keep.
 */
public final class Apology {

	/** Inventory had no stock left for an accepted order. */
	public static final String SOLD_OUT = "Sold out after your order was accepted; you will not be charged.";

	/** No stock answer came before the order's deadline. */
	public static final String LATE = "We could not confirm stock in time; you will not be charged.";

	/**
	 * The beginning of every sold-out reason, sync's refusal as well as async's apology.
	 */
	private static final String SOLD_OUT_PREFIX = "sold out";

	private Apology() {
	}

	/**
	 * The reason of a cancelled or rejected order as one of a few fixed names, for a
	 * metric's tag: the reasons themselves are free text (they may name a sku or quote
	 * inventory).
	 * @param reason the reason the shopper reads
	 * @return {@code sold_out}, {@code late} or {@code other}
	 */
	public static String kind(String reason) {
		if (LATE.equals(reason)) {
			return "late";
		}
		if (reason != null && reason.toLowerCase(Locale.ROOT).startsWith(SOLD_OUT_PREFIX)) {
			return "sold_out";
		}
		return "other";
	}

}
