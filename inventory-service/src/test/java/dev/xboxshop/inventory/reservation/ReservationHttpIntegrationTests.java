package dev.xboxshop.inventory.reservation;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import dev.xboxshop.inventory.Http;
import dev.xboxshop.inventory.InventoryIntegrationTest;
import dev.xboxshop.inventory.TestProducts;
import dev.xboxshop.inventory.catalog.StockKeys;
import dev.xboxshop.inventory.catalog.StockLevel;

import static dev.xboxshop.testsupport.http.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@InventoryIntegrationTest
class ReservationHttpIntegrationTests {

	@Autowired
	private Http http;

	@Autowired
	private TestProducts products;

	@Autowired
	private StringRedisTemplate redis;

	@Test
	void reservesOnceAndAnswersARepeatWithTheSameBody() {
		String sku = this.products.create(10, 2);
		String orderId = TestProducts.orderId();

		HttpResponse<String> first = reserve(orderId, sku, 2);
		HttpResponse<String> repeat = reserve(orderId, sku, 2);

		assertThat(first.statusCode()).isEqualTo(201);
		JsonNode body = this.http.json(first);
		assertThat(body.path("orderId").asString()).isEqualTo(orderId);
		assertThat(body.path("sku").asString()).isEqualTo(sku);
		assertThat(body.path("quantity").asInt()).isEqualTo(2);
		assertThat(body.path("status").asString()).isEqualTo("RESERVED");
		assertThat(repeat.statusCode()).isEqualTo(200);
		assertThat(this.http.json(repeat)).isEqualTo(body);
		assertThat(this.products.level(sku).available()).isEqualTo(8);
		assertThat(this.http.json(this.http.get("/api/reservations/" + orderId))).isEqualTo(body);
	}

	@Test
	void answersSoldOutAndRepeatsTheRejection() {
		String sku = this.products.create(1, 2);
		String winner = TestProducts.orderId();
		String loser = TestProducts.orderId();

		assertThat(reserve(winner, sku, 1).statusCode()).isEqualTo(201);
		JsonNode problem = assertProblem(reserve(loser, sku, 1), 409, "sold-out");
		this.http.delete("/api/reservations/" + winner);
		assertProblem(reserve(loser, sku, 1), 409, "sold-out");

		assertThat(problem.path("orderId").asString()).isEqualTo(loser);
		assertThat(this.products.level(sku).available()).isEqualTo(1);
		assertThat(this.http.json(this.http.get("/api/reservations/" + loser)).path("status").asString())
			.isEqualTo("REJECTED");
	}

	@Test
	void releasesOnceWhenDeletedTwice() {
		String sku = this.products.create(4, 2);
		String orderId = TestProducts.orderId();
		reserve(orderId, sku, 2);

		HttpResponse<String> first = this.http.delete("/api/reservations/" + orderId);
		HttpResponse<String> second = this.http.delete("/api/reservations/" + orderId);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(this.http.json(first).path("status").asString()).isEqualTo("RELEASED");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(this.http.json(second)).isEqualTo(this.http.json(first));
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isEqualTo(4);
		assertThat(level.conserved()).isTrue();
	}

	@Test
	void aReleaseThatArrivesBeforeItsReservationLeavesATombstoneTheLateReserveCannotPass() {
		String sku = this.products.create(3, 2);
		String orderId = TestProducts.orderId();

		HttpResponse<String> release = this.http.delete("/api/reservations/" + orderId + "?sku=" + sku);
		HttpResponse<String> lateReserve = reserve(orderId, sku, 2);

		assertThat(release.statusCode()).isEqualTo(200);
		assertThat(this.http.json(release).path("status").asString()).isEqualTo("RELEASED");
		assertThat(this.http.json(release).path("quantity").asInt()).isZero();
		assertThat(lateReserve.statusCode()).isEqualTo(200);
		assertThat(this.http.json(lateReserve).path("status").asString()).isEqualTo("RELEASED");
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isEqualTo(3);
		assertThat(level.reserved()).isZero();
		assertThat(level.conserved()).isTrue();
		assertThat(this.http.json(this.http.get("/api/reservations/" + orderId)).path("status").asString())
			.isEqualTo("RELEASED");
	}

	@Test
	void releasesEachSkuOfAnOrderUnderTheOrderId() {
		String first = this.products.create(4, 2);
		String second = this.products.create(4, 2);
		String orderId = TestProducts.orderId();
		reserve(orderId, first, 1);
		reserve(orderId, second, 2);

		HttpResponse<String> released = this.http.delete("/api/reservations/" + orderId + "?sku=" + second);

		assertThat(this.http.json(released).path("sku").asString()).isEqualTo(second);
		assertThat(this.http.json(released).path("quantity").asInt()).isEqualTo(2);
		assertThat(this.products.level(second).available()).isEqualTo(4);
		assertThat(this.products.level(first).available()).isEqualTo(3);
	}

	@Test
	void answersNotFoundForAReleaseOfAnUnknownSku() {
		assertProblem(this.http.delete("/api/reservations/" + TestProducts.orderId() + "?sku=NOPE-1"), 404,
				"not-found");
	}

	@Test
	void keepsReservationRecordsForTheRetentionOnly() {
		String sku = this.products.create(3, 2);
		String reserved = TestProducts.orderId();
		String tombstoned = TestProducts.orderId();
		reserve(reserved, sku, 1);
		this.http.delete("/api/reservations/" + tombstoned + "?sku=" + sku);

		long thirtyDays = java.time.Duration.ofDays(30).toSeconds();
		for (String orderId : new String[] { reserved, tombstoned }) {
			assertThat(this.redis.getExpire(StockKeys.reservation(sku, orderId))).as(orderId)
				.isBetween(thirtyDays - 60, thirtyDays);
			assertThat(this.redis.getExpire(StockKeys.orderSkus(orderId))).as(orderId)
				.isBetween(thirtyDays - 60, thirtyDays);
		}
	}

	@Test
	void answersNotFoundForAnOrderThatNeverReserved() {
		String orderId = TestProducts.orderId();

		assertProblem(this.http.delete("/api/reservations/" + orderId), 404, "not-found");
		assertProblem(this.http.get("/api/reservations/" + orderId), 404, "not-found");
	}

	@Test
	void sellsExactlyTheStockWhenOrdersRaceOverHttp() throws Exception {
		String sku = this.products.create(20, 2);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Integer>> orders = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				orders.add(() -> reserve(TestProducts.orderId(), sku, 1).statusCode());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(orders, 1, TimeUnit.MINUTES)) {
				statuses.add(status.get());
			}

			assertThat(statuses.stream().filter((status) -> status == 201)).hasSize(20);
			assertThat(statuses.stream().filter((status) -> status == 409)).hasSize(40);
			StockLevel level = this.products.level(sku);
			assertThat(level.available()).isZero();
			assertThat(level.conserved()).isTrue();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void reportsEveryLedgerForTheAuditor() {
		String sku = this.products.create(7, 2);
		reserve(TestProducts.orderId(), sku, 2);

		JsonNode stock = this.http.json(this.http.get("/api/stock"));

		assertThat(stock.valueStream().filter((level) -> level.path("sku").asString().equals(sku))).singleElement()
			.satisfies((level) -> {
				assertThat(level.path("initial").asLong()).isEqualTo(7);
				assertThat(level.path("available").asLong()).isEqualTo(5);
				assertThat(level.path("reserved").asLong()).isEqualTo(2);
				assertThat(level.path("sold").asLong()).isZero();
				assertThat(level.path("adjustments").asLong()).isZero();
				assertThat(level.path("conserved").asBoolean()).isTrue();
			});
		assertThat(stock.valueStream()).allSatisfy((level) -> assertThat(level.path("conserved").asBoolean()).isTrue());
	}

	private HttpResponse<String> reserve(String orderId, String sku, int quantity) {
		return this.http.postJson("/api/reservations",
				"{\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}");
	}

}
