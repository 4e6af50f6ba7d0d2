package dev.xboxshop.inventory.lease;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.xboxshop.inventory.catalog.CatalogEntry;
import dev.xboxshop.inventory.catalog.ProductCatalog;
import dev.xboxshop.inventory.catalog.StockLedger;
import dev.xboxshop.inventory.catalog.UnknownProduct;
import dev.xboxshop.inventory.warehouse.Warehouse;
import dev.xboxshop.inventory.warehouse.WarehouseBulkhead;

/**
 * Leases of stock for escrow checkout. A grant that moves units is one warehouse trip
 * (through the bulkhead); a renewal, a grant of a sold-out sku and a return are Redis
 * only, so a heartbeat or a sold-out answer never waits for the warehouse.
 */
@RestController
@RequestMapping("/api/leases")
class LeaseController {

	private static final Pattern REPLICA_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final LeaseLedger ledger;

	private final ProductCatalog catalog;

	private final Warehouse warehouse;

	private final WarehouseBulkhead bulkhead;

	private final LeaseProperties properties;

	private final StockLedger stock;

	LeaseController(LeaseLedger ledger, ProductCatalog catalog, Warehouse warehouse, WarehouseBulkhead bulkhead,
			LeaseProperties properties, StockLedger stock) {
		this.stock = stock;
		this.ledger = ledger;
		this.catalog = catalog;
		this.warehouse = warehouse;
		this.bulkhead = bulkhead;
		this.properties = properties;
	}

	@PutMapping(path = "/{sku}/{replicaId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Lease grant(@PathVariable String sku, @PathVariable String replicaId, @RequestBody LeaseRequest request) {
		requireKnown(sku, replicaId);
		int wanted = (request.wanted() != null) ? request.wanted() : -1;
		long soldTotal = (request.soldTotal() != null) ? request.soldTotal() : -1;
		if (wanted < 0 || wanted > this.properties.maxGrant() || soldTotal < 0) {
			throw new InvalidLeaseRequest("wanted must be 0 to " + this.properties.maxGrant()
					+ " and soldTotal 0 or more, not " + request.wanted() + " and " + request.soldTotal());
		}
		// a renewal, or a sold-out sku, is answered from Redis: sold out is cheap
		if (wanted == 0 || this.stock.available(List.of(sku)).get(0) <= 0) {
			return this.ledger.grant(sku, replicaId, 0, soldTotal, this.properties.ttl());
		}
		return this.bulkhead.call(() -> {
			this.warehouse.roundTrip();
			return this.ledger.grant(sku, replicaId, wanted, soldTotal, this.properties.ttl());
		});
	}

	@DeleteMapping("/{sku}/{replicaId}")
	Lease giveBack(@PathVariable String sku, @PathVariable String replicaId, @RequestParam long soldTotal) {
		requireKnown(sku, replicaId);
		if (soldTotal < 0) {
			throw new InvalidLeaseRequest("soldTotal must be 0 or more, not " + soldTotal);
		}
		Lease lease = this.ledger.giveBack(sku, replicaId, soldTotal);
		if ("NOT_FOUND".equals(lease.status())) {
			throw new LeaseNotFound(sku, replicaId);
		}
		return lease;
	}

	@GetMapping
	List<Lease> leases() {
		return this.catalog.entries()
			.stream()
			.map(CatalogEntry::sku)
			.flatMap((sku) -> this.ledger.leases(sku).stream())
			.toList();
	}

	private void requireKnown(String sku, String replicaId) {
		if (!REPLICA_ID.matcher(replicaId).matches()) {
			throw new InvalidLeaseRequest("replicaId must be 1 to 100 letters, digits or . _ : -");
		}
		this.catalog.entry(sku).orElseThrow(() -> new UnknownProduct(sku));
	}

}
