package dev.xboxshop.inventory.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductCatalog catalog;

	private final StockLedger ledger;

	ProductController(ProductCatalog catalog, StockLedger ledger) {
		this.catalog = catalog;
		this.ledger = ledger;
	}

	@GetMapping
	List<Product> products() {
		List<CatalogEntry> entries = this.catalog.entries();
		List<Long> available = this.ledger.available(entries.stream().map(CatalogEntry::sku).toList());
		Instant readAt = Instant.now();
		List<Product> products = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			products.add(Product.of(entries.get(i), available.get(i), readAt));
		}
		return products;
	}

	@GetMapping("/{sku}")
	Product product(@PathVariable String sku) {
		CatalogEntry entry = this.catalog.entry(sku).orElseThrow(() -> new UnknownProduct(sku));
		long available = this.ledger.available(List.of(sku)).get(0);
		return Product.of(entry, available, Instant.now());
	}

}
