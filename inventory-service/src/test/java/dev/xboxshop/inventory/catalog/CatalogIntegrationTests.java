package dev.xboxshop.inventory.catalog;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.inventory.Http;
import dev.xboxshop.inventory.InventoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@InventoryIntegrationTest
class CatalogIntegrationTests {

	@Autowired
	private Http http;

	@Autowired
	private LaunchCatalog launchCatalog;

	@Autowired
	private StockLedger ledger;

	@Test
	void seedsTheLaunchItemAndFourOtherProducts() {
		JsonNode products = this.http.json(this.http.get("/api/products"));

		assertThat(products.valueStream().limit(5).map((product) -> product.path("sku").asString())).containsExactly(
				"XBOX-SERIES-X", "XBOX-WIRELESS-CONTROLLER", "XBOX-WIRELESS-HEADSET", "STORAGE-EXPANSION-1TB",
				"GAME-PASS-ULTIMATE-3M");
		JsonNode launch = this.http.json(this.http.get("/api/products/XBOX-SERIES-X"));
		assertThat(launch.path("name").asString()).isEqualTo("Xbox Series X");
		assertThat(launch.path("priceCents").asLong()).isEqualTo(49999);
		assertThat(launch.path("imageUrl").asString()).isEqualTo("/images/xbox-series-x.svg");
		assertThat(launch.path("maxPerOrder").asInt()).isEqualTo(2);
		assertThat(launch.path("available").asLong())
			.isEqualTo(this.ledger.level("XBOX-SERIES-X").orElseThrow().available());
		assertThat(launch.path("availableAsOf").asString()).isNotBlank();
		assertThat(this.ledger.level("XBOX-SERIES-X").orElseThrow().initial()).isEqualTo(1000);
	}

	@Test
	void neverReseedsWhatIsAlreadyThere() {
		String sku = "STORAGE-EXPANSION-1TB";
		long initial = this.ledger.level(sku).orElseThrow().initial();
		this.ledger.setAvailable(sku, 7);

		this.launchCatalog.afterSingletonsInstantiated();

		StockLevel level = this.ledger.level(sku).orElseThrow();
		assertThat(level.available()).isEqualTo(7);
		assertThat(level.initial()).isEqualTo(initial);
		assertThat(level.conserved()).isTrue();
		this.ledger.setAvailable(sku, initial);
	}

}
