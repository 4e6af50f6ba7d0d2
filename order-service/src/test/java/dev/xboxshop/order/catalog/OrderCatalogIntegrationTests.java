package dev.xboxshop.order.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.order.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders are checked and priced from order-service's copy of the catalog, in every mode,
 * before anything is stored; the copy keeps that working while inventory is down.
 */
class OrderCatalogIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Autowired
	Catalog catalog;

	@Autowired
	OrderRepository orders;

	@AfterEach
	void listTheUsualCatalog() {
		inventory.reset();
		this.catalog.refresh();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async", "escrow" })
	void refusesAnUnknownSkuAtOnceAndStoresNothing(String mode) {
		String customer = newCustomer();
		String key = OrderApi.newKey();

		OrderApi.Response response = this.api.place(key, mode, OrderApi.orderJson(customer, "NOPE-1", 1));

		assertProblem(response, 404, "unknown-product");
		assertThat(response.json().get("detail").asString()).contains("NOPE-1");
		assertNothingStored(customer, key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async", "escrow" })
	void refusesMoreThanTheProductsPerOrderMaximumAndStoresNothing(String mode) {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		// HEADSET allows 3 per order; two lines of the same sku count together
		String body = "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"HEADSET\",\"quantity\":2},"
				+ "{\"sku\":\"HEADSET\",\"quantity\":2}]}";

		OrderApi.Response response = this.api.place(key, mode, body);

		assertProblem(response, 400, "invalid-quantity");
		assertThat(response.json().get("detail").asString()).contains("At most 3 Wireless Headset");
		assertNothingStored(customer, key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async" })
	void acceptsThePerOrderMaximum(String mode) {
		OrderApi.Response response = this.api.place(mode, OrderApi.orderJson(newCustomer(), "HEADSET", 3));

		assertThat(response.status()).isBetween(201, 202);
		assertThat(response.json().get("totalCents").asLong()).isEqualTo(3 * 10999);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async" })
	void ignoresClientSentPriceStatusAndTotal(String mode) {
		String customer = newCustomer();
		String body = "{\"customerId\":\"" + customer + "\",\"status\":\"REJECTED\",\"totalCents\":1,\"price\":1,"
				+ "\"reason\":\"free\",\"items\":[{\"sku\":\"XBOX-SERIES-X\",\"quantity\":1,\"price\":1,"
				+ "\"unitPriceCents\":1,\"lineTotalCents\":1,\"name\":\"Free console\",\"status\":\"CONFIRMED\"}]}";

		OrderApi.Response response = this.api.place(mode, body);

		String expectedStatus = "sync".equals(mode) ? "CONFIRMED" : "ACCEPTED";
		assertThat(response.status()).isEqualTo("sync".equals(mode) ? 201 : 202);
		for (JsonNode order : List.of(response.json(), this.api.order(response.orderId()))) {
			assertThat(order.get("status").asString()).isEqualTo(expectedStatus);
			assertThat(order.get("reason").isNull()).isTrue();
			assertThat(order.get("totalCents").asLong()).isEqualTo(49999);
			JsonNode line = order.get("items").get(0);
			assertThat(line.get("name").asString()).isEqualTo("Xbox Series X");
			assertThat(line.get("unitPriceCents").asLong()).isEqualTo(49999);
			assertThat(line.get("lineTotalCents").asLong()).isEqualTo(49999);
			assertThat(line.has("price")).isFalse();
			assertThat(line.has("status")).isFalse();
		}
	}

	@Test
	void storesEachLinesNameAndPriceFromTheCatalogAtOrderTime() {
		String customer = newCustomer();
		String body = "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"GAME-A\",\"quantity\":2},"
				+ "{\"sku\":\"XBOX-SERIES-X\",\"quantity\":1}]}";

		OrderApi.Response placed = this.api.place("sync", body);
		inventory.product("GAME-A", "Game A, reissue", 2999, 10);
		assertThat(this.catalog.refresh()).isTrue();
		OrderApi.Response later = this.api.place("sync", OrderApi.orderJson(customer, "GAME-A", 1));

		assertThat(placed.status()).isEqualTo(201);
		for (JsonNode order : List.of(placed.json(), this.api.order(placed.orderId()),
				this.api.ordersOf(customer).get(1))) {
			assertThat(order.get("orderId").asString()).isEqualTo(placed.orderId());
			assertThat(order.get("items").get(0).get("name").asString()).isEqualTo("Game A");
			assertThat(order.get("items").get(0).get("unitPriceCents").asLong()).isEqualTo(5999);
			assertThat(order.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
			assertThat(order.get("items").get(0).get("lineTotalCents").asLong()).isEqualTo(2 * 5999);
			assertThat(order.get("items").get(1).get("name").asString()).isEqualTo("Xbox Series X");
			assertThat(order.get("items").get(1).get("unitPriceCents").asLong()).isEqualTo(49999);
			assertThat(order.get("totalCents").asLong()).isEqualTo(2 * 5999 + 49999);
		}
		assertThat(later.json().get("items").get(0).get("name").asString()).isEqualTo("Game A, reissue");
		assertThat(later.json().get("totalCents").asLong()).isEqualTo(2999);
		assertThat(this.api.order(later.orderId()).get("totalCents").asLong()).isEqualTo(2999);
	}

	@Test
	void checksAndPricesOrdersWhileInventoryIsDownOnceTheCatalogIsCopied() {
		assertThat(this.catalog.refresh()).isTrue();
		inventory.down(true);
		assertThat(this.catalog.refresh()).isFalse();
		int callsBefore = inventory.catalogCalls().size();
		String customer = newCustomer();
		String unknownKey = OrderApi.newKey();

		OrderApi.Response accepted = this.api.place("async", OrderApi.orderJson(customer, "GAME-B", 2));
		OrderApi.Response unknown = this.api.place(unknownKey, "async", OrderApi.orderJson(customer, "NOPE-2", 1));
		OrderApi.Response tooMany = this.api.place("async", OrderApi.orderJson(customer, "HEADSET", 4));

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.json().get("items").get(0).get("unitPriceCents").asLong()).isEqualTo(6999);
		assertThat(accepted.json().get("totalCents").asLong()).isEqualTo(2 * 6999);
		assertProblem(unknown, 404, "unknown-product");
		assertProblem(tooMany, 400, "invalid-quantity");
		assertThat(this.api.ordersOf(customer)).hasSize(1);
		assertThat(this.redis.hasKey(RedisKeys.idempotencyKey(unknownKey))).isFalse();
		// checkout read the copy, never inventory
		assertThat(inventory.catalogCalls()).hasSize(callsBefore);
	}

	@Test
	void answersCatalogUnavailableWhenThereIsNoCopyAndInventoryIsDown() {
		inventory.down(true);
		this.redis.delete(List.of(RedisKeys.CATALOG, RedisKeys.CATALOG_LISTED_AT));
		String customer = newCustomer();
		String key = OrderApi.newKey();

		OrderApi.Response response = this.api.place(key, "async", OrderApi.orderJson(customer, "GAME-A", 1));

		assertProblem(response, 503, "catalog-unavailable");
		assertNothingStored(customer, key);
		inventory.down(false);
		// the next order lists the catalog itself (at most one attempt a second)
		await().untilAsserted(
				() -> assertThat(this.api.place(key, "async", OrderApi.orderJson(customer, "GAME-A", 1)).status())
					.isEqualTo(202));
		assertThat(this.redis.hasKey(RedisKeys.CATALOG_LISTED_AT)).isTrue();
	}

	@Test
	void readsAnOrderStoredBeforeLinesCarriedPricesWithoutAPrice() {
		String customer = newCustomer();
		Instant placedAt = Instant.now();
		Order old = new Order(UUID.randomUUID().toString(), customer, List.of(new OrderLine("GAME-A", 1)),
				OrderStatus.ACCEPTED, CheckoutMode.ASYNC, null, placedAt, placedAt, 0, OrderApi.newKey());
		this.orders.create(old, placedAt.plusSeconds(60), 2, null);

		for (JsonNode order : List.of(this.api.order(old.orderId()), this.api.ordersOf(customer).get(0))) {
			assertThat(order.get("items").get(0).get("sku").asString()).isEqualTo("GAME-A");
			assertThat(order.get("items").get(0).get("quantity").asInt()).isEqualTo(1);
			assertThat(order.get("items").get(0).get("unitPriceCents").isNull()).isTrue();
			assertThat(order.get("items").get(0).get("name").isNull()).isTrue();
			assertThat(order.get("totalCents").isNull()).isTrue();
		}
	}

	private static void assertProblem(OrderApi.Response response, int status, String slug) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://xbox-shop.example/problems/" + slug);
	}

	private void assertNothingStored(String customer, String key) {
		assertThat(this.api.ordersOf(customer)).isEmpty();
		assertThat(this.redis.hasKey(RedisKeys.customerOrders(customer))).isFalse();
		assertThat(this.redis.hasKey(RedisKeys.idempotencyKey(key))).isFalse();
		assertThat(inventory.reserveCalls()).isEmpty();
		List<MapRecord<String, Object, Object>> outbox = this.redis.opsForStream()
			.range(RedisKeys.OUTBOX, Range.unbounded());
		assertThat(outbox).noneMatch((entry) -> entry.getValue().toString().contains(customer));
		assertThat(this.kafka.readAll(Topics.ORDERS_PLACED)).noneMatch((record) -> record.value().contains(customer));
	}

}
