package dev.xboxshop.inventory.lease;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.catalog.CatalogEntry;
import dev.xboxshop.inventory.catalog.ProductCatalog;

/**
 * Gives the unsold units of expired leases back to available, so a replica that crashed
 * (or lost inventory) strands nothing for longer than a lease's time to live. Every
 * inventory replica runs it; the script makes a second pass change nothing.
 */
@Component
class LeaseExpiry {

	private static final Logger log = LoggerFactory.getLogger(LeaseExpiry.class);

	private final LeaseLedger ledger;

	private final ProductCatalog catalog;

	LeaseExpiry(LeaseLedger ledger, ProductCatalog catalog) {
		this.ledger = ledger;
		this.catalog = catalog;
	}

	@Scheduled(fixedDelayString = "${shop.inventory.lease.expiry-interval:250ms}")
	void expireLeases() {
		try {
			for (CatalogEntry entry : this.catalog.entries()) {
				Map<String, Long> returned = this.ledger.expire(entry.sku());
				returned.forEach((replica, units) -> log.info("Lease of {} held by {} expired: {} units back to stock",
						entry.sku(), replica, units));
			}
		}
		catch (DataAccessException ex) {
			log.warn("Lease expiry skipped: {}", ex.getMessage());
		}
	}

}
