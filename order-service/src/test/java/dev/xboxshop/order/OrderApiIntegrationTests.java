package dev.xboxshop.order;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading orders, and the requests that are refused before anything is stored.
 */
class OrderApiIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void returnsAPlacedOrderWithItsModeAndTimestamps() {
		String customer = newCustomer();
		OrderApi.Response placed = this.api.place("sync", OrderApi.orderJson(customer, "CONTROLLER-BLACK", 2));

		JsonNode order = this.api.order(placed.orderId());

		assertThat(order.get("customerId").asString()).isEqualTo(customer);
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("mode").asString()).isEqualTo("sync");
		assertThat(order.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(order.get("createdAt").asString()).endsWith("Z");
		assertThat(order.has("idempotencyKey")).isFalse();
	}

	@Test
	void listsACustomersOrdersNewestFirstAndBounded() {
		String customer = newCustomer();
		String first = this.api.place("async", OrderApi.orderJson(customer, "GAME-A", 1)).orderId();
		String second = this.api.place("async", OrderApi.orderJson(customer, "GAME-B", 1)).orderId();
		String third = this.api.place("async", OrderApi.orderJson(customer, "GAME-C", 1)).orderId();

		List<JsonNode> orders = this.api.ordersOf(customer);
		List<JsonNode> latestTwo = this.api.get("/api/orders?customerId=" + customer + "&limit=2")
			.json()
			.valueStream()
			.toList();

		assertThat(orders).extracting((order) -> order.get("orderId").asString()).containsExactly(third, second, first);
		assertThat(latestTwo).extracting((order) -> order.get("orderId").asString()).containsExactly(third, second);
		assertThat(this.api.get("/api/orders?customerId=" + customer + "&limit=1000").status()).isEqualTo(400);
	}

	@Test
	void answersNotFoundForAnUnknownOrder() {
		OrderApi.Response response = this.api.get("/api/orders/no-such-order");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://xbox-shop.example/problems/not-found");
		assertThat(this.api.get("/api/orders/no-such-order/events").status()).isEqualTo(404);
	}

	@Test
	void refusesAnOrderWithoutIdempotencyKey() {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place(null, "sync", OrderApi.orderJson(customer, "GAME-A", 1));

		assertProblem(response, 400, "malformed-request");
		assertNothingStoredFor(customer);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[]", "{\"customerId\":\"%s\"}", "{\"customerId\":\"%s\",\"items\":[]}",
			"{\"customerId\":\"%s\",\"items\":[{\"sku\":\"GAME-A\",\"quantity\":1.5}]}",
			"{\"customerId\":\"%s\",\"items\":[{\"sku\":\"GAME-A\",\"quantity\":\"2\"}]}",
			"{\"customerId\":\"%s\",\"items\":[{\"sku\":\"../etc\",\"quantity\":1}]}",
			"{\"customerId\":42,\"items\":[{\"sku\":\"GAME-A\",\"quantity\":1}]}" })
	void refusesAMalformedOrder(String template) {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place("sync", template.formatted(customer));

		assertProblem(response, 400, "malformed-request");
		assertNothingStoredFor(customer);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 11 })
	void refusesAnInvalidQuantity(int quantity) {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place("async", OrderApi.orderJson(customer, "GAME-A", quantity));

		assertProblem(response, 400, "invalid-quantity");
		assertNothingStoredFor(customer);
	}

	@Test
	void refusesABodyThatIsNotJson() {
		String customer = newCustomer();
		OrderApi.Response response = this.api.send(this.api.request("/api/orders")
			.header("Content-Type", "text/plain")
			.header("Idempotency-Key", OrderApi.newKey())
			.POST(HttpRequest.BodyPublishers.ofString(OrderApi.orderJson(customer, "GAME-A", 1))));

		assertProblem(response, 415, "unsupported-media-type");
		assertNothingStoredFor(customer);
	}

	@Test
	void refusesABodyOver16KiB() {
		String customer = newCustomer();
		String padding = "x".repeat(17 * 1024);
		String body = "{\"customerId\":\"" + customer + "\",\"padding\":\"" + padding
				+ "\",\"items\":[{\"sku\":\"GAME-A\",\"quantity\":1}]}";

		OrderApi.Response response = this.api.place("async", body);

		assertProblem(response, 413, "payload-too-large");
		assertNothingStoredFor(customer);
	}

	@Test
	void refusesAnUnknownCheckoutModeHeader() {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place("eventually", OrderApi.orderJson(customer, "GAME-A", 1));

		assertProblem(response, 400, "malformed-request");
		assertNothingStoredFor(customer);
	}

	@Test
	void confirmsAnEscrowOrderAtOnce() {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place("escrow", OrderApi.orderJson(customer, "GAME-A", 1));

		assertThat(response.status()).isEqualTo(201);
		assertThat(this.api.order(response.orderId()).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(this.api.order(response.orderId()).get("mode").asString()).isEqualTo("escrow");
	}

	private void assertProblem(OrderApi.Response response, int status, String slug) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).isEqualTo("https://xbox-shop.example/problems/" + slug);
		assertThat(response.body()).doesNotContain("Exception");
	}

	private void assertNothingStoredFor(String customer) {
		assertThat(this.api.ordersOf(customer)).isEmpty();
		assertThat(this.redis.hasKey(RedisKeys.purchaseLimit(customer))).isFalse();
		assertThat(inventory.reserveCalls()).isEmpty();
	}

}
