package dev.xboxshop.inventory.admin;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.xboxshop.inventory.catalog.StockLedger;
import dev.xboxshop.inventory.catalog.StockLevel;
import dev.xboxshop.inventory.catalog.UnknownProduct;
import dev.xboxshop.inventory.warehouse.Chaos;
import dev.xboxshop.inventory.warehouse.ChaosSwitch;

/**
 * Operator controls; the operator token check ({@link AdminWebConfiguration}) guards
 * every one of them.
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {

	private final StockLedger ledger;

	private final ChaosSwitch chaos;

	AdminController(StockLedger ledger, ChaosSwitch chaos) {
		this.ledger = ledger;
		this.chaos = chaos;
	}

	@PutMapping(path = "/inventory/{sku}/stock", consumes = MediaType.APPLICATION_JSON_VALUE)
	StockLevel setStock(@PathVariable String sku, @RequestBody StockUpdate update) {
		return this.ledger.setAvailable(sku, update.available()).orElseThrow(() -> new UnknownProduct(sku));
	}

	@GetMapping("/chaos")
	Chaos chaos() {
		return this.chaos.current();
	}

	@PutMapping(path = "/chaos", consumes = MediaType.APPLICATION_JSON_VALUE)
	Chaos setChaos(@RequestBody ChaosUpdate update) {
		return this.chaos.set(update.applyTo(this.chaos.current()));
	}

}
