package dev.xboxshop.inventory.events;

/**
 * The topics inventory-service reads and writes (docs/contracts.md).
 */
final class Topics {

	static final String ORDERS_PLACED = "orders.placed";

	static final String ORDERS_PLACED_DLT = "orders.placed.dlt";

	static final String STOCK_RESERVED = "stock.reserved";

	static final String STOCK_REJECTED = "stock.rejected";

	private Topics() {
	}

}
