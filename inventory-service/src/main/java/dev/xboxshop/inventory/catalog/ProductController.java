package dev.xboxshop.inventory.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.xboxshop.inventory.warehouse.Warehouse;

@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductCatalog catalog;

	private final StockLedger ledger;

	private final Warehouse warehouse;

	ProductController(ProductCatalog catalog, StockLedger ledger, Warehouse warehouse) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.warehouse = warehouse;
	}

	@GetMapping
	List<Product> products() {
		this.warehouse.catalogRead();
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
		this.warehouse.catalogRead();
		CatalogEntry entry = this.catalog.entry(sku).orElseThrow(() -> new UnknownProduct(sku));
		long available = this.ledger.available(List.of(sku)).get(0);
		return Product.of(entry, available, Instant.now());
	}

}
