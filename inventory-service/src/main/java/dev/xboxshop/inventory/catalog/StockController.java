package dev.xboxshop.inventory.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledgers of every sku, for the invariant auditor.
 */
@RestController
class StockController {

	private final ProductCatalog catalog;

	private final StockLedger ledger;

	StockController(ProductCatalog catalog, StockLedger ledger) {
		this.catalog = catalog;
		this.ledger = ledger;
	}

	@GetMapping("/api/stock")
	List<StockLevel> stock() {
		return this.catalog.entries()
			.stream()
			.map((entry) -> this.ledger.level(entry.sku()))
			.flatMap(Optional::stream)
			.toList();
	}

}
