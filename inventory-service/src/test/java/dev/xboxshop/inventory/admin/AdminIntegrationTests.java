package dev.xboxshop.inventory.admin;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.inventory.Http;
import dev.xboxshop.inventory.InventoryIntegrationTest;
import dev.xboxshop.inventory.TestProducts;
import dev.xboxshop.inventory.catalog.StockLevel;
import dev.xboxshop.inventory.warehouse.Chaos;
import dev.xboxshop.inventory.warehouse.ChaosSwitch;

import static dev.xboxshop.testsupport.http.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@InventoryIntegrationTest
class AdminIntegrationTests {

	@Autowired
	private Http http;

	@Autowired
	private TestProducts products;

	@Autowired
	private ChaosSwitch chaos;

	@AfterEach
	void calmTheWarehouse() {
		this.chaos.set(Chaos.NONE);
	}

	@Test
	void keepsOperatorEndpointsClosedWithoutTheToken() {
		String sku = this.products.create(10, 2);
		StockLevel before = this.products.level(sku);
		String stock = "/api/admin/inventory/" + sku + "/stock";

		assertProblem(this.http.putJson(stock, "{\"available\":0}"), 401, "unauthorized");
		assertProblem(this.http.putJson(stock, "{\"available\":0}", "Authorization", "Bearer wrong"), 401,
				"unauthorized");
		assertProblem(this.http.putJson(stock, "{\"available\":0}", "Authorization", "xbox-launch-operator"), 401,
				"unauthorized");
		assertProblem(this.http.get("/api/admin/chaos"), 401, "unauthorized");
		assertProblem(this.http.putJson("/api/admin/chaos", "{\"down\":true}"), 401, "unauthorized");

		assertThat(this.products.level(sku)).isEqualTo(before);
		assertThat(this.chaos.current()).isEqualTo(Chaos.NONE);
	}

	@Test
	void setsAvailableStockAsAnAdjustmentThatKeepsTheLedgerConserved() {
		String sku = this.products.create(10, 2);
		this.http.postJson("/api/reservations",
				"{\"orderId\":\"" + TestProducts.orderId() + "\",\"sku\":\"" + sku + "\",\"quantity\":2}");

		HttpResponse<String> raised = this.http.putJson("/api/admin/inventory/" + sku + "/stock", "{\"available\":20}",
				"Authorization", Http.OPERATOR);
		HttpResponse<String> lowered = this.http.putJson("/api/admin/inventory/" + sku + "/stock", "{\"available\":5}",
				"Authorization", Http.OPERATOR);

		assertThat(raised.statusCode()).isEqualTo(200);
		assertThat(this.http.json(raised).path("adjustments").asLong()).isEqualTo(12);
		JsonNode level = this.http.json(lowered);
		assertThat(level.path("available").asLong()).isEqualTo(5);
		assertThat(level.path("reserved").asLong()).isEqualTo(2);
		assertThat(level.path("adjustments").asLong()).isEqualTo(-3);
		assertThat(level.path("conserved").asBoolean()).isTrue();
	}

	@Test
	void refusesImpossibleStockAndUnknownSkus() {
		String sku = this.products.create(10, 2);

		assertProblem(this.http.putJson("/api/admin/inventory/" + sku + "/stock", "{\"available\":-1}", "Authorization",
				Http.OPERATOR), 400, "malformed-request");
		assertProblem(this.http.putJson("/api/admin/inventory/NO-SUCH-SKU/stock", "{\"available\":1}", "Authorization",
				Http.OPERATOR), 404, "unknown-product");

		assertThat(this.products.level(sku).available()).isEqualTo(10);
	}

	@Test
	void turnsReservationsAwayWhileTheWarehouseIsDown() {
		String sku = this.products.create(10, 2);

		HttpResponse<String> switched = this.http.putJson("/api/admin/chaos", "{\"down\":true}", "Authorization",
				Http.OPERATOR);
		HttpResponse<String> refused = this.http.postJson("/api/reservations",
				"{\"orderId\":\"" + TestProducts.orderId() + "\",\"sku\":\"" + sku + "\",\"quantity\":1}");

		assertThat(this.http.json(switched).path("down").asBoolean()).isTrue();
		assertThat(this.http.json(this.http.get("/api/admin/chaos", "Authorization", Http.OPERATOR))
			.path("down")
			.asBoolean()).isTrue();
		assertProblem(refused, 503, "warehouse-unavailable");
		assertThat(this.products.level(sku).available()).isEqualTo(10);
	}

	@Test
	void slowsAndCutsOffCatalogReadsAsChaosSays() {
		String sku = this.products.create(10, 2);
		this.chaos.set(new Chaos(300, 0.0, false));

		long started = System.nanoTime();
		HttpResponse<String> slow = this.http.get("/api/products/" + sku);
		long tookMs = (System.nanoTime() - started) / 1_000_000;
		this.chaos.set(new Chaos(0, 0.0, true));
		HttpResponse<String> cutOff = this.http.get("/api/products/" + sku);

		assertThat(slow.statusCode()).isEqualTo(200);
		assertThat(tookMs).as("a loaded inner tier is slow to read").isGreaterThanOrEqualTo(300);
		assertProblem(cutOff, 503, "warehouse-unavailable");
		assertProblem(this.http.get("/api/products"), 503, "warehouse-unavailable");
	}

	@Test
	void failsReservationsAtTheInjectedErrorRateWithoutChangingStock() {
		String sku = this.products.create(10, 2);
		String orderId = TestProducts.orderId();
		this.http.putJson("/api/admin/chaos", "{\"errorRate\":1.0,\"extraLatencyMs\":1}", "Authorization",
				Http.OPERATOR);

		HttpResponse<String> failed = this.http.postJson("/api/reservations",
				"{\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\",\"quantity\":1}");

		assertProblem(failed, 503, "warehouse-unavailable");
		assertThat(this.products.level(sku).available()).isEqualTo(10);
		assertProblem(this.http.get("/api/reservations/" + orderId), 404, "not-found");
	}

	@Test
	void refusesChaosOutsideItsRange() {
		assertProblem(this.http.putJson("/api/admin/chaos", "{\"errorRate\":1.5}", "Authorization", Http.OPERATOR), 400,
				"malformed-request");
		assertProblem(this.http.putJson("/api/admin/chaos", "{\"extraLatencyMs\":-5}", "Authorization", Http.OPERATOR),
				400, "malformed-request");

		assertThat(this.chaos.current()).isEqualTo(Chaos.NONE);
	}

}
