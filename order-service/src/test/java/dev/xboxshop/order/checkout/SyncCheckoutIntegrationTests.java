package dev.xboxshop.order.checkout;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sync checkout against a stand-in inventory: final answers, fast failures, and no
 * reservation left behind.
 */
class SyncCheckoutIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void confirmsAnOrderWhenInventoryReserves() {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(customer, "GAME-A", 2));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(response.json().get("mode").asString()).isEqualTo("sync");
		assertThat(inventory.status(response.orderId())).isEqualTo("RESERVED");
		assertThat(inventory.available("GAME-A")).isEqualTo(998);
	}

	@Test
	void rejectsAnOrderWhenSoldOutAndKeepsItWithTheReason() {
		String customer = newCustomer();
		inventory.stock("GAME-RARE", 1);

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(customer, "GAME-RARE", 2));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://xbox-shop.example/problems/sold-out");
		JsonNode order = this.api.order(response.orderId());
		assertThat(order.get("status").asString()).isEqualTo("REJECTED");
		assertThat(order.get("reason").asString()).contains("Sold out");
	}

	@Test
	void releasesEarlierLinesWhenALaterLineIsSoldOut() {
		String customer = newCustomer();
		inventory.stock("GAME-RARE", 0);
		String body = "{\"customerId\":\"" + customer
				+ "\",\"items\":[{\"sku\":\"GAME-A\",\"quantity\":1},{\"sku\":\"GAME-RARE\",\"quantity\":1}]}";

		OrderApi.Response response = this.api.place("sync", body);

		assertThat(response.status()).isEqualTo(409);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(inventory.status(response.orderId(), "GAME-A")).isEqualTo("RELEASED"));
		assertThat(inventory.status(response.orderId(), "GAME-RARE")).isEqualTo("REJECTED");
		assertThat(inventory.available("GAME-A")).isEqualTo(1000);
	}

	@Test
	void failsFastWhenInventoryIsSlowAndReleasesTheLateReservation() {
		String customer = newCustomer();
		inventory.holdReservations();

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(customer, "GAME-A", 1));
		// the answer came while inventory still held the reservation: order-service gave
		// up by its own timeout, it did not wait for inventory
		int stillHeld = inventory.held();
		String reservationId = inventory.reserveCalls().get(0);
		inventory.letGo(); // the reservation lands after the order service gave up

		assertThat(stillHeld).isEqualTo(1);

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.problemType()).isEqualTo("https://xbox-shop.example/problems/warehouse-unavailable");
		assertThat(this.api.ordersOf(customer)).isEmpty();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(inventory.status(reservationId)).isEqualTo("RELEASED"));
		assertThat(inventory.available("GAME-A")).isEqualTo(1000);
	}

	@Test
	void releasesWhatAStockStoreFailureMayHaveReserved() {
		String customer = newCustomer();
		inventory.failReservations("stock-store-unavailable", true);

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(customer, "GAME-A", 1));

		assertThat(response.status()).isEqualTo(503);
		assertThat(this.api.ordersOf(customer)).isEmpty();
		String reservationId = inventory.reserveCalls().get(0);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(inventory.status(reservationId)).isEqualTo("RELEASED"));
		assertThat(inventory.available("GAME-A")).isEqualTo(1000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "warehouse-busy", "warehouse-unavailable" })
	void releasesNothingWhenInventoryRefusedUpFront(String refusal) {
		String customer = newCustomer();
		inventory.failReservations(refusal, false);

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(customer, "GAME-A", 1));

		assertThat(response.status()).isEqualTo(503);
		String reservationId = inventory.reserveCalls().get(0);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> !inventory.releaseCalls().contains(reservationId));
	}

	@Test
	void keepsTheBreakerClosedWhileInventoryIsOnlyBusy() {
		inventory.failReservations("warehouse-busy", false);
		for (int i = 0; i < 8; i++) {
			OrderApi.Response busy = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1));
			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.json().get("type").asString()).endsWith("/warehouse-busy");
		}
		inventory.failReservations(null, false);

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1));

		assertThat(this.inventoryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void failsFastWithoutCallingInventoryWhileTheBreakerIsOpen() {
		inventory.down(true);
		for (int i = 0; i < 4; i++) {
			assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(503);
		}
		int callsBefore = inventory.reserveCalls().size();
		inventory.down(false);

		OrderApi.Response response = this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1));

		assertThat(this.inventoryCircuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.json().get("detail").asString()).contains("paused");
		assertThat(inventory.reserveCalls()).hasSize(callsBefore);
	}

}
