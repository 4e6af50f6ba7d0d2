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
 * (or lost inventory) strands nothing for longer than a lease's time to live plus the
 * reclaim grace, which a holder that outlived an inventory outage needs to report its
 * sales before its units are handed out again. Every inventory replica runs it; the
 * script makes a second pass change nothing.
 */
@Component
class LeaseExpiry {

	private static final Logger log = LoggerFactory.getLogger(LeaseExpiry.class);

	private final LeaseLedger ledger;

	private final ProductCatalog catalog;

	private final LeaseProperties properties;

	LeaseExpiry(LeaseLedger ledger, ProductCatalog catalog, LeaseProperties properties) {
		this.ledger = ledger;
		this.catalog = catalog;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${shop.inventory.lease.expiry-interval:250ms}")
	void expireLeases() {
		try {
			for (CatalogEntry entry : this.catalog.entries()) {
				Map<String, Long> returned = this.ledger.expire(entry.sku(), this.properties.reclaimGrace());
				returned.forEach((replica, units) -> log.info("Lease of {} held by {} expired: {} units back to stock",
						entry.sku(), replica, units));
			}
		}
		catch (DataAccessException ex) {
			log.warn("Lease expiry skipped: {}", ex.getMessage());
		}
	}

}
