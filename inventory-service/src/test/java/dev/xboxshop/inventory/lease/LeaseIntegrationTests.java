package dev.xboxshop.inventory.lease;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import dev.xboxshop.inventory.Http;
import dev.xboxshop.inventory.InventoryIntegrationTest;
import dev.xboxshop.inventory.TestProducts;
import dev.xboxshop.inventory.catalog.StockKeys;
import dev.xboxshop.inventory.catalog.StockLevel;
import dev.xboxshop.inventory.warehouse.Warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leases of stock for escrow checkout, over HTTP and Kafka against real Redis and a real
 * broker (lease time to live 1 s here).
 */
@InventoryIntegrationTest
class LeaseIntegrationTests {

	@Autowired
	private Http http;

	@Autowired
	private TestProducts products;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private JsonMapper json;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private Warehouse warehouse;

	@Test
	void grantsALeaseAsOneTransferFromAvailableThatConservationCounts() {
		String sku = this.products.create(20, 5);
		JsonNode lease = grant(sku, "replica-a", 8, 0);
		assertThat(lease.get("granted").asLong()).isEqualTo(8);
		assertThat(lease.get("held").asLong()).isEqualTo(8);
		assertThat(lease.get("available").asLong()).isEqualTo(12);
		StockLevel level = this.products.level(sku);
		assertThat(level.leased()).isEqualTo(8);
		assertThat(level.available()).isEqualTo(12);
		assertThat(level.conserved()).isTrue();
	}

	@Test
	void grantsHalfOfWhatIsLeftNearSellOutSoOtherReplicasGetSome() {
		String sku = this.products.create(6, 5);
		assertThat(grant(sku, "replica-a", 5, 0).get("moved").asLong()).isEqualTo(3);
		assertThat(grant(sku, "replica-b", 5, 0).get("moved").asLong()).isEqualTo(2);
		assertThat(grant(sku, "replica-a", 5, 0).get("moved").asLong()).isEqualTo(1);
		assertThat(grant(sku, "replica-b", 5, 0).get("moved").asLong()).isZero();
		assertThat(this.products.level(sku).leased()).isEqualTo(6);
	}

	@Test
	void answersAGrantOfASoldOutSkuWithoutAWarehouseTrip() {
		String sku = this.products.create(1, 5);
		assertThat(grant(sku, "replica-a", 5, 0).get("moved").asLong()).isEqualTo(1);
		long trips = this.warehouse.trips();
		assertThat(grant(sku, "replica-b", 5, 0).get("moved").asLong()).isZero();
		assertThat(this.warehouse.trips()).isEqualTo(trips);
	}

	@Test
	void anExpiredLeaseGivesItsUnsoldUnitsBackAndKeepsTheReportedSalesUntilTheyArrive() {
		String sku = this.products.create(10, 5);
		grant(sku, "replica-crashed", 6, 0);
		grant(sku, "replica-crashed", 0, 2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			StockLevel level = this.products.level(sku);
			assertThat(level.available()).isEqualTo(8);
			assertThat(level.leased()).isEqualTo(2);
		});
		String orderId = TestProducts.orderId();
		sold(orderId, sku, 2, "replica-crashed");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			StockLevel level = this.products.level(sku);
			assertThat(level.leased()).isZero();
			assertThat(level.reserved()).isEqualTo(2);
			assertThat(level.available()).isEqualTo(8);
			assertThat(level.conserved()).isTrue();
		});
	}

	@Test
	void anExpiredLeaseWaitsForItsHolderToReportBeforeItsUnitsGoBack() {
		String sku = this.products.create(10, 5);
		grant(sku, "replica-outlived-an-outage", 4, 0);
		// expired (1 s) and seen so: its holder sold 3 it could not report yet
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.redis.opsForHash()
				.hasKey(LeaseKeys.lease(sku, "replica-outlived-an-outage"), "closingSince"));
		assertThat(this.products.level(sku).available()).as("units still leased during the grace").isEqualTo(6);

		grant(sku, "replica-outlived-an-outage", 0, 3);
		for (int i = 0; i < 3; i++) {
			sold(TestProducts.orderId(), sku, 1, "replica-outlived-an-outage");
		}

		// the reported sales stay sold when the lease closes at last: only 1 goes back
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			StockLevel level = this.products.level(sku);
			assertThat(level.reserved()).isEqualTo(3);
			assertThat(level.leased()).isZero();
			assertThat(level.available()).isEqualTo(7);
			assertThat(level.conserved()).isTrue();
		});
	}

	@Test
	void recordsAnEscrowSaleOnceAsAReservationNamingItsLease() {
		String sku = this.products.create(10, 5);
		grant(sku, "replica-a", 5, 0);
		String orderId = TestProducts.orderId();
		sold(orderId, sku, 2, "replica-a");
		sold(orderId, sku, 2, "replica-a");
		String marker = TestProducts.orderId();
		sold(marker, sku, 1, "replica-a");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.products.level(sku).reserved()).isEqualTo(3));
		StockLevel level = this.products.level(sku);
		assertThat(level.leased()).isEqualTo(2);
		assertThat(level.available()).isEqualTo(5);
		assertThat(level.conserved()).isTrue();
		assertThat(this.redis.opsForHash().entries(StockKeys.reservation(sku, orderId)))
			.containsEntry("status", "RESERVED")
			.containsEntry("quantity", "2")
			.containsEntry("lease", "replica-a");
	}

	@Test
	void recordsASaleAgainstTheLeaseItCameFromWhenAnotherReplicaSoldIt() {
		String sku = this.products.create(20, 5);
		grant(sku, "replica-a", 5, 0);
		grant(sku, "replica-b", 5, 0);
		String orderId = TestProducts.orderId();
		sold(orderId, sku, 2, "replica-a", "replica-b");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.products.level(sku).reserved()).isEqualTo(2));
		assertThat(this.redis.opsForHash().entries(StockKeys.reservation(sku, orderId))).containsEntry("lease",
				"replica-b");
		assertThat(this.redis.opsForHash().entries(LeaseKeys.lease(sku, "replica-b"))).containsEntry("settled", "2");
		assertThat(this.redis.opsForHash().entries(LeaseKeys.lease(sku, "replica-a"))).doesNotContainKey("settled");
	}

	@Test
	void aReturnedLeaseGivesItsUnsoldUnitsBackAtOnceAndARepeatChangesNothing() {
		String sku = this.products.create(30, 5);
		grant(sku, "replica-a", 7, 0);
		HttpResponse<String> first = this.http.delete("/api/leases/" + sku + "/replica-a?soldTotal=3");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(this.http.json(first).get("moved").asLong()).isEqualTo(4);
		HttpResponse<String> again = this.http.delete("/api/leases/" + sku + "/replica-a?soldTotal=3");
		assertThat(this.http.json(again).get("moved").asLong()).isZero();
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isEqualTo(27);
		assertThat(level.leased()).isEqualTo(3);
	}

	@Test
	void aRestartedHolderRenewingWithItsOwnCountsIsNotGrantedOrCountedTwice() {
		String sku = this.products.create(10, 5);
		grant(sku, "replica-a", 4, 0);
		JsonNode renewed = grant(sku, "replica-a", 0, 1);
		assertThat(renewed.get("granted").asLong()).isEqualTo(4);
		assertThat(this.products.level(sku).available()).isEqualTo(6);
	}

	@Test
	void listsLeasesPerReplica() {
		String sku = this.products.create(10, 5);
		grant(sku, "replica-list", 3, 0);
		JsonNode leases = this.http.json(this.http.get("/api/leases"));
		assertThat(leases.valueStream()
			.filter((lease) -> lease.get("sku").asString().equals(sku))
			.map((lease) -> lease.get("replicaId").asString() + "=" + lease.get("held").asLong())
			.toList()).containsExactly("replica-list=3");
	}

	@Test
	void refusesImpossibleLeaseCallsWith4xxProblemsAndChangesNothing() {
		String sku = this.products.create(10, 5);
		for (String body : List.of("{\"wanted\":-1,\"soldTotal\":0}", "{\"wanted\":5}",
				"{\"wanted\":100000,\"soldTotal\":0}", "{\"wanted\":\"x\",\"soldTotal\":0}", "not json")) {
			HttpResponse<String> response = this.http.putJson("/api/leases/" + sku + "/replica-a", body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(this.http.putJson("/api/leases/" + sku + "/bad%20id", "{\"wanted\":1,\"soldTotal\":0}").statusCode())
			.isEqualTo(400);
		assertThat(
				this.http.putJson("/api/leases/NO-SUCH-SKU/replica-a", "{\"wanted\":1,\"soldTotal\":0}").statusCode())
			.isEqualTo(404);
		assertThat(this.http.delete("/api/leases/" + sku + "/never-held?soldTotal=0").statusCode()).isEqualTo(404);
		assertThat(this.http.delete("/api/leases/" + sku + "/replica-a?soldTotal=-1").statusCode()).isEqualTo(400);
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isEqualTo(10);
		assertThat(level.leased()).isZero();
	}

	private JsonNode grant(String sku, String replica, int wanted, long soldTotal) {
		HttpResponse<String> response = this.http.putJson("/api/leases/" + sku + "/" + replica,
				"{\"wanted\":" + wanted + ",\"soldTotal\":" + soldTotal + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.http.json(response);
	}

	private void sold(String orderId, String sku, int quantity, String replica) {
		sold(orderId, sku, quantity, replica, replica);
	}

	private void sold(String orderId, String sku, int quantity, String seller, String lease) {
		String event = this.json.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(), "occurredAt",
				"2026-11-20T10:00:00Z", "orderId", orderId, "replicaId", seller, "items",
				List.of(Map.of("sku", sku, "quantity", quantity, "replicaId", lease))));
		this.kafka.send(EscrowSoldListener.TOPIC, orderId, event).join();
	}

}
