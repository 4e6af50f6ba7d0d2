package dev.xboxshop.order.inventory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code inventory} breaker, bulkhead and retry around order-service's calls to
 * inventory, and what a shopper hears while they refuse a call.
 */
class InventoryResilienceIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Autowired
	private InventoryClient inventoryClient;

	@Autowired
	private BulkheadRegistry bulkheads;

	@Test
	void answersSoldOutAtOnceWhileTheBreakerIsOpenForASkuInventorySaidIsSoldOut() {
		inventory.stock("GAME-RARE", 0);
		assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-RARE", 1)).status()).isEqualTo(409);
		// as under a rush: timeouts among the sold-out answers open the breaker
		failReservations(3);
		int callsBefore = inventory.reserveCalls().size();

		OrderApi.Response soldOut = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-RARE", 1));
		OrderApi.Response unknown = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-B", 1));

		assertThat(this.inventoryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(soldOut.status()).isEqualTo(409);
		assertThat(soldOut.contentType()).startsWith("application/problem+json");
		assertThat(soldOut.problemType()).isEqualTo("https://xbox-shop.example/problems/sold-out");
		assertThat(this.api.order(soldOut.orderId()).get("status").asString()).isEqualTo("REJECTED");
		// a sku with no word of being sold out still hears "try again"
		assertThat(unknown.status()).isEqualTo(503);
		assertThat(inventory.reserveCalls()).hasSize(callsBefore);
	}

	@Test
	void answersSoldOutWhileTheBreakerIsOpenWhenTheStockLastReadIsZero() {
		inventory.stock("GAME-C", 0);
		assertThat(this.inventoryClient.stock()).anyMatch((level) -> level.sku().equals("GAME-C"));
		failReservations(3);

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-C", 1));

		assertThat(this.inventoryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.problemType()).isEqualTo("https://xbox-shop.example/problems/sold-out");
	}

	@Test
	void saysTryAgainWhenFailuresAloneOpenedTheBreakerAfterTheLastWord() {
		inventory.stock("GAME-RARE", 0);
		assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-RARE", 1)).status()).isEqualTo(409);
		this.inventoryCircuitBreaker.reset();
		// restocked where this replica cannot see it, then inventory fell ill
		inventory.stock("GAME-RARE", 5);
		openTheBreaker();

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-RARE", 1));

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.problemType()).isEqualTo("https://xbox-shop.example/problems/warehouse-unavailable");
	}

	@Test
	void neverCountsASoldOutAnswerAsABreakerFailure() {
		inventory.stock("GAME-RARE", 0);
		for (int i = 0; i < 8; i++) {
			assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-RARE", 1)).status())
				.isEqualTo(409);
		}

		assertThat(this.inventoryCircuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(this.inventoryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void shedsWithWarehouseBusyWhileTheBulkheadIsFull() throws Exception {
		// a bulkhead of none: full, whatever background calls are in flight
		Bulkhead bulkhead = this.bulkheads.bulkhead(InventoryGuard.NAME);
		BulkheadConfig configured = bulkhead.getBulkheadConfig();
		bulkhead.changeConfig(BulkheadConfig.from(configured).maxConcurrentCalls(0).build());
		HttpResponse<String> response;
		try {
			response = this.api.client()
				.send(OrderApi.asCustomer(this.api.request("/api/orders"), newCustomer())
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", OrderApi.newKey())
					.header("X-Checkout-Mode", "sync")
					.POST(HttpRequest.BodyPublishers.ofString(OrderApi.orderJson(newCustomer(), "GAME-A", 1)))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		finally {
			bulkhead.changeConfig(configured);
		}

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("https://xbox-shop.example/problems/warehouse-busy");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(this.inventoryCircuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void retriesAStockReadButNeverAReservation() {
		inventory.down(true);
		int stockCallsBefore = inventory.stockCalls();

		assertThatExceptionOfType(WarehouseUnavailable.class).isThrownBy(this.inventoryClient::stock);

		// three attempts, unless a background call's failures opened the breaker (window
		// of
		// 4 here) before the third: a refusal is never retried
		assertThat(inventory.stockCalls() - stockCallsBefore).isBetween(2, 3);
		inventory.down(false);
		// the failed reads may have opened the breaker; a reservation it refused would
		// never reach inventory, retried or not
		this.inventoryCircuitBreaker.reset();
		inventory.failReservations("internal-error", false);
		int reserveCallsBefore = inventory.reserveCalls().size();

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1));

		assertThat(response.status()).isEqualTo(503);
		assertThat(inventory.reserveCalls().size() - reserveCallsBefore).isEqualTo(1);
	}

	@Test
	void showsTheBreakersOnTheActuator() {
		openTheBreaker();

		JsonNode breakers = this.api.get("/actuator/circuitbreakers").json();
		JsonNode health = this.api.get("/actuator/health").json();
		String metrics = this.api.get("/actuator/prometheus").body();

		assertThat(breakers.at("/circuitBreakers/inventory/state").asString()).isEqualTo("OPEN");
		assertThat(breakers.at("/circuitBreakers/kafka/state").asString()).isEqualTo("CLOSED");
		assertThat(health.at("/components/circuitBreakers/details/inventory/state").asString()).isEqualTo("OPEN");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(metrics).contains("resilience4j_circuitbreaker_state{name=\"inventory\",state=\"open\"} 1.0")
			.contains("resilience4j_bulkhead_available_concurrent_calls{name=\"inventory\"}")
			.contains("resilience4j_retry_calls_total{kind=\"failed_with_retry\",name=\"inventory\"}");
	}

	/**
	 * Fail this many reservations (of a sku nobody tests for stock); the breaker opens.
	 */
	private void failReservations(int calls) {
		inventory.down(true);
		for (int i = 0; i < calls; i++) {
			assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(503);
		}
		inventory.down(false);
		assertThat(this.inventoryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	private void openTheBreaker() {
		inventory.down(true);
		for (int i = 0; i < 4; i++) {
			assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(503);
		}
		inventory.down(false);
		assertThat(this.inventoryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

}
