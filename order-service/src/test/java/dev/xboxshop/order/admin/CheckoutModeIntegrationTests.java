package dev.xboxshop.order.admin;

import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;
import dev.xboxshop.order.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live checkout-mode switch.
 */
class CheckoutModeIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final String PATH = "/api/admin/checkout-mode";

	@AfterEach
	void backToTheDefault() {
		this.redis.delete(RedisKeys.CHECKOUT_MODE);
		await().atMost(Duration.ofSeconds(2)).until(() -> mode(OrderApi.OPERATOR_TOKEN).contains("\"mode\":\"sync\""));
	}

	@Test
	void refusesCallersWithoutTheOperatorToken() {
		OrderApi.Response anonymous = this.api.get(PATH);
		OrderApi.Response wrongToken = put("nope", "{\"mode\":\"async\"}");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.problemType()).isEqualTo("https://xbox-shop.example/problems/unauthorized");
		assertThat(wrongToken.status()).isEqualTo(401);
		assertThat(this.redis.hasKey(RedisKeys.CHECKOUT_MODE)).isFalse();
	}

	@Test
	void refusesAnUnknownMode() {
		OrderApi.Response unknown = put(OrderApi.OPERATOR_TOKEN, "{\"mode\":\"eventually\"}");
		OrderApi.Response malformed = put(OrderApi.OPERATOR_TOKEN, "{\"mode\":");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("https://xbox-shop.example/problems/malformed-request");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(this.redis.hasKey(RedisKeys.CHECKOUT_MODE)).isFalse();
	}

	@Test
	void switchesToEscrow() {
		OrderApi.Response escrow = put(OrderApi.OPERATOR_TOKEN, "{\"mode\":\"escrow\"}");

		assertThat(escrow.status()).isEqualTo(200);
		assertThat(this.redis.opsForValue().get(RedisKeys.CHECKOUT_MODE)).isEqualTo("escrow");
	}

	@Test
	void placesOrdersInTheModeSwitchedTo() {
		String customer = newCustomer();

		OrderApi.Response switched = put(OrderApi.OPERATOR_TOKEN, "{\"mode\":\"async\"}");
		OrderApi.Response placed = this.api.place(null, OrderApi.orderJson(customer, "GAME-A", 1));
		OrderApi.Response overridden = this.api.place("sync", OrderApi.orderJson(customer, "GAME-A", 1));

		assertThat(switched.status()).isEqualTo(200);
		assertThat(switched.json().get("mode").asString()).isEqualTo("async");
		assertThat(switched.json().get("defaultMode").asString()).isEqualTo("sync");
		assertThat(placed.status()).isEqualTo(202);
		assertThat(placed.json().get("mode").asString()).isEqualTo("async");
		assertThat(overridden.status()).isEqualTo(201);
		assertThat(overridden.json().get("mode").asString()).isEqualTo("sync");
	}

	@Test
	void seesASwitchMadeByAnotherReplicaWithinASecond() {
		assertThat(mode(OrderApi.OPERATOR_TOKEN)).contains("\"mode\":\"sync\"");

		this.redis.opsForValue().set(RedisKeys.CHECKOUT_MODE, "async"); // as another
																		// replica's PUT
																		// does

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> mode(OrderApi.OPERATOR_TOKEN).contains("\"mode\":\"async\""));
		assertThat(this.api.place(null, OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(202);
	}

	private String mode(String token) {
		return this.api.send(this.api.request(PATH).header("Authorization", "Bearer " + token).GET()).body();
	}

	private OrderApi.Response put(String token, String body) {
		return this.api.send(this.api.request(PATH)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

}
