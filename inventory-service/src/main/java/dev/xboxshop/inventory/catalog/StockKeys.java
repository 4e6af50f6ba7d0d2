package dev.xboxshop.inventory.catalog;

/**
 * The Redis keys of one sku's stock. Every key a stock script touches carries the hash
 * tag {@code {sku}}, so one script always works inside one cluster slot.
 */
public final class StockKeys {

	private StockKeys() {
	}

	public static String stock(String sku) {
		return "inv:{" + sku + "}:stock";
	}

	public static String reservation(String sku, String orderId) {
		return "inv:{" + sku + "}:res:" + orderId;
	}

	/**
	 * The skus an order reserved, so a release by order id finds its slots. Written
	 * outside the scripts, since it lives in the order's slot rather than the sku's.
	 */
	public static String orderSkus(String orderId) {
		return "inv:res-sku:" + orderId;
	}

}
