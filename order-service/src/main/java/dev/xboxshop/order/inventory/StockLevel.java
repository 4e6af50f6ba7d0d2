package dev.xboxshop.order.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Inventory's stock figures for one sku ({@code GET /api/stock}).
 *
 * @param sku the product
 * @param initial stock at the start
 * @param adjustments restocks and corrections since
 * @param available units free to reserve
 * @param leased units in escrow leases of order-service replicas, not yet sold
 * @param reserved units held for orders
 * @param sold units sold
 * @param conserved whether inventory's own books balance
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StockLevel(String sku, long initial, long adjustments, long available, long leased, long reserved,
		long sold, boolean conserved) {

}
