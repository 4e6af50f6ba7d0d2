package dev.xboxshop.inventory.catalog;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seeds the launch catalog and its stock when they are absent, before the service takes
 * requests or events; never overwrites what an earlier start (or another replica) wrote.
 */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
class LaunchCatalog implements SmartInitializingSingleton {

	static final String LAUNCH_SKU = "XBOX-SERIES-X";

	private static final Log log = LogFactory.getLog(LaunchCatalog.class);

	private final ProductCatalog catalog;

	private final StockLedger ledger;

	private final CatalogProperties properties;

	LaunchCatalog(ProductCatalog catalog, StockLedger ledger, CatalogProperties properties) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.properties.seedCatalog()) {
			return;
		}
		List<Seed> seeds = seeds();
		for (int position = 0; position < seeds.size(); position++) {
			Seed seed = seeds.get(position);
			boolean opened = this.ledger.openIfAbsent(seed.entry().sku(), seed.units());
			boolean added = this.catalog.addIfAbsent(seed.entry(), position);
			if (opened || added) {
				log.info("Seeded " + seed.entry().sku() + " with " + seed.units() + " units");
			}
		}
	}

	List<Seed> seeds() {
		return List.of(
				new Seed(new CatalogEntry(LAUNCH_SKU, "Xbox Series X",
						"The launch console: 1 TB, 4K at up to 120 fps. Limited stock, at most two per order.", 49999,
						"/images/xbox-series-x.svg", 2), this.properties.launchStock()),
				new Seed(new CatalogEntry("XBOX-WIRELESS-CONTROLLER", "Xbox Wireless Controller",
						"A second controller for the couch co-op.", 5999, "/images/xbox-wireless-controller.svg", 4),
						500),
				new Seed(new CatalogEntry("XBOX-WIRELESS-HEADSET", "Xbox Wireless Headset",
						"Spatial audio and a mic that mutes itself when you do.", 10999,
						"/images/xbox-wireless-headset.svg", 3), 200),
				new Seed(new CatalogEntry("STORAGE-EXPANSION-1TB", "Storage Expansion Card 1 TB",
						"Plug-in storage that runs games as fast as the internal drive.", 21999,
						"/images/storage-expansion-1tb.svg", 2), 150),
				new Seed(
						new CatalogEntry("GAME-PASS-ULTIMATE-3M", "Game Pass Ultimate, 3 months",
								"Hundreds of games from day one.", 5099, "/images/game-pass-ultimate-3m.svg", 5),
						2000));
	}

	record Seed(CatalogEntry entry, long units) {
	}

}
