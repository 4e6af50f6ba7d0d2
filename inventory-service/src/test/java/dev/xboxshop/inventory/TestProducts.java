package dev.xboxshop.inventory;

import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;

import dev.xboxshop.inventory.catalog.CatalogEntry;
import dev.xboxshop.inventory.catalog.ProductCatalog;
import dev.xboxshop.inventory.catalog.StockLedger;
import dev.xboxshop.inventory.catalog.StockLevel;

/**
 * Products of a test's own, so that tests sharing one Redis never share stock.
 */
@TestComponent
public class TestProducts {

	private final ProductCatalog catalog;

	private final StockLedger ledger;

	TestProducts(ProductCatalog catalog, StockLedger ledger) {
		this.catalog = catalog;
		this.ledger = ledger;
	}

	/**
	 * A new sku with the given units and at most {@code maxPerOrder} per order.
	 */
	public String create(long units, int maxPerOrder) {
		return create("TEST-", units, maxPerOrder);
	}

	/**
	 * A new sku starting with {@code prefix}, for tests that care about sku order.
	 */
	public String create(String prefix, long units, int maxPerOrder) {
		String sku = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.ledger.openIfAbsent(sku, units);
		this.catalog.addIfAbsent(
				new CatalogEntry(sku, "Test product " + sku, "made by a test", 1999, "/images/test.svg", maxPerOrder),
				1000);
		return sku;
	}

	public StockLevel level(String sku) {
		return this.ledger.level(sku).orElseThrow();
	}

	public static String orderId() {
		return "ord-" + UUID.randomUUID();
	}

}
