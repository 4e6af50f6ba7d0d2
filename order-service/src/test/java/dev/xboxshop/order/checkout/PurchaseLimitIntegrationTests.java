package dev.xboxshop.order.checkout;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scalper rule: at most two XBOX-SERIES-X per customer across live orders.
 */
class PurchaseLimitIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final String XBOX = "XBOX-SERIES-X";

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async" })
	void refusesAThirdConsoleForOneCustomer(String mode) {
		String customer = newCustomer();

		OrderApi.Response first = this.api.place(mode, OrderApi.orderJson(customer, XBOX, 1));
		OrderApi.Response second = this.api.place(mode, OrderApi.orderJson(customer, XBOX, 1));
		OrderApi.Response third = this.api.place(mode, OrderApi.orderJson(customer, XBOX, 1));

		assertThat(first.status()).isBetween(201, 202);
		assertThat(second.status()).isBetween(201, 202);
		assertThat(third.status()).isEqualTo(422);
		assertThat(third.problemType()).isEqualTo("https://xbox-shop.example/problems/purchase-limit");
		assertThat(this.api.ordersOf(customer)).hasSize(2);
		assertThat(this.api.place(mode, OrderApi.orderJson(newCustomer(), XBOX, 2)).status()).isBetween(201, 202);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async" })
	void refusesThreeConsolesInOneOrder(String mode) {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place(mode, OrderApi.orderJson(customer, XBOX, 3));

		assertThat(response.status()).isEqualTo(422);
		assertThat(this.api.ordersOf(customer)).isEmpty();
	}

	@Test
	void givesUnitsBackWhenAnAsyncOrderIsCancelled() {
		String customer = newCustomer();
		String cancelled = this.api.place("async", OrderApi.orderJson(customer, XBOX, 2)).orderId();
		assertThat(this.api.place("async", OrderApi.orderJson(customer, XBOX, 1)).status()).isEqualTo(422);

		this.kafka.stockRejected(cancelled, XBOX);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.api.status(cancelled).equals("CANCELLED"));

		assertThat(this.api.place("async", OrderApi.orderJson(customer, XBOX, 2)).status()).isEqualTo(202);
	}

	@Test
	void givesUnitsBackWhenASyncOrderIsRejectedOrFails() {
		String customer = newCustomer();
		inventory.stock(XBOX, 0);
		assertThat(this.api.place("sync", OrderApi.orderJson(customer, XBOX, 2)).status()).isEqualTo(409);
		inventory.down(true);
		assertThat(this.api.place("sync", OrderApi.orderJson(customer, XBOX, 2)).status()).isEqualTo(503);
		inventory.down(false);
		inventory.stock(XBOX, 10);

		assertThat(this.api.place("sync", OrderApi.orderJson(customer, XBOX, 2)).status()).isEqualTo(201);
	}

}
