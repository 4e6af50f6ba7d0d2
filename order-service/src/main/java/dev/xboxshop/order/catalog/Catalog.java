package dev.xboxshop.order.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.InvalidQuantity;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.catalog.CatalogClient.CatalogUnreadable;
import dev.xboxshop.order.inventory.UnknownProduct;

/**
 * Prices and checks an order's lines against the catalog, for every checkout mode, before
 * anything is stored. It reads order-service's copy in Redis, never inventory on the way:
 * the copy is listed anew in the background every {@code shop.order.catalog.refresh}, and
 * kept as it was while inventory does not answer. A sku the listing lacks is unknown;
 * only when there is no listing at all (a new or wiped order store) does an order wait
 * for one call to inventory.
 */
@Component
public class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private final CatalogRepository copy;

	private final CatalogClient inventory;

	private final TaskScheduler scheduler;

	private final OrderProperties.Catalog settings;

	private final Clock clock;

	/**
	 * After a cold listing failed, none is tried again before this, so an outage costs
	 * inventory one call a second, not one per order.
	 */
	private volatile Instant nextColdListing = Instant.MIN;

	private volatile boolean listing = true;

	Catalog(CatalogRepository copy, CatalogClient inventory, TaskScheduler scheduler, OrderProperties properties,
			Clock clock) {
		this.copy = copy;
		this.inventory = inventory;
		this.scheduler = scheduler;
		this.settings = properties.catalog();
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startRefreshing() {
		this.scheduler.scheduleWithFixedDelay(this::refresh, this.settings.refresh());
	}

	/**
	 * The lines with the catalog's name and unit price.
	 * @param lines the lines asked for, one per sku
	 * @return the same lines, priced
	 * @throws UnknownProduct when the catalog has no such sku
	 * @throws InvalidQuantity when a line holds more than the product's per-order maximum
	 * @throws CatalogUnavailable when there is no listing to check against
	 */
	public List<OrderLine> price(List<OrderLine> lines) {
		List<String> skus = lines.stream().map(OrderLine::sku).toList();
		Map<String, CatalogProduct> products = this.copy.find(skus);
		if (products.size() < skus.size() && this.copy.listedAt().isEmpty()) {
			products = listNow(skus, products);
		}
		List<OrderLine> priced = new ArrayList<>(lines.size());
		for (OrderLine line : lines) {
			CatalogProduct product = products.get(line.sku());
			if (product == null) {
				throw new UnknownProduct(line.sku());
			}
			if (line.quantity() > product.maxPerOrder()) {
				throw new InvalidQuantity("At most " + product.maxPerOrder() + " " + product.name()
						+ " fit in one order, not " + line.quantity() + ".");
			}
			priced.add(line.priced(product.name(), product.priceCents()));
		}
		return priced;
	}

	/**
	 * List the catalog from inventory into the copy.
	 * @return whether the copy is new
	 */
	public boolean refresh() {
		try {
			this.copy.replace(this.inventory.products(), this.clock.instant());
			if (!this.listing) {
				log.info("Catalog listed from inventory again");
			}
			this.listing = true;
			return true;
		}
		catch (CatalogUnreadable | DataAccessException ex) {
			if (this.listing) {
				log.warn("Catalog not listed from inventory, keeping the copy we have: {}", ex.getMessage());
			}
			this.listing = false;
			return false;
		}
	}

	private Map<String, CatalogProduct> listNow(List<String> skus, Map<String, CatalogProduct> found) {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextColdListing)) {
			throw unavailable(skus, found);
		}
		if (!refresh()) {
			this.nextColdListing = now.plusSeconds(1);
			throw unavailable(skus, found);
		}
		return this.copy.find(skus);
	}

	private static CatalogUnavailable unavailable(List<String> skus, Map<String, CatalogProduct> found) {
		return new CatalogUnavailable(skus.stream().filter((sku) -> !found.containsKey(sku)).findFirst().orElseThrow());
	}

}
