package dev.xboxshop.order;

import java.net.http.HttpRequest;

import dev.xboxshop.websupport.identity.CustomerTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service takes its customer from the gateway's verified header, never from the
 * body, and refuses a forged one.
 */
class CustomerIdentityIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final String XBOX = "XBOX-SERIES-X";

	@Test
	void refusesAnOrderWithAForgedIdentityHeader() {
		String victim = newCustomer();
		String other = newCustomer();
		String[][] forgeries = { { victim, null }, { victim, "1700000000." + "A".repeat(43) },
				{ victim, new CustomerTokens("not-the-shops-secret").proof(victim) },
				{ victim, OrderApi.TOKENS.proof(other) },
				{ victim, OrderApi.TOKENS.issue(victim).substring(victim.length() + 1) } };
		for (String[] forged : forgeries) {
			HttpRequest.Builder request = order(OrderApi.orderJson(victim, "GAME-A", 1))
				.header(CustomerTokens.CUSTOMER_HEADER, forged[0]);
			if (forged[1] != null) {
				request.header(CustomerTokens.PROOF_HEADER, forged[1]);
			}
			OrderApi.Response response = this.api.send(request);
			assertThat(response.status()).as(forged[1]).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.problemType()).endsWith("/invalid-identity");
		}
		assertThat(this.api.ordersOf(victim)).isEmpty();
	}

	@Test
	void refusesAnOrderWithoutAVerifiedCustomer() {
		String customer = newCustomer();
		OrderApi.Response response = this.api.send(order(OrderApi.orderJson(customer, "GAME-A", 1)));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.problemType()).endsWith("/identity-required");
		assertThat(this.api.ordersOf(customer)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async" })
	void holdsAScalperWithManyBodyCustomerIdsToOneCustomersLimit(String mode) {
		inventory.stock(XBOX, 100);
		String scalper = newCustomer();
		int placed = 0;
		int refused = 0;
		for (int i = 0; i < 6; i++) {
			String claimed = newCustomer();
			OrderApi.Response response = this.api
				.send(OrderApi.asCustomer(order(OrderApi.orderJson(claimed, XBOX, 1)), scalper)
					.header("X-Checkout-Mode", mode));
			if (response.status() / 100 == 2) {
				placed++;
				assertThat(response.json().get("customerId").asString()).isEqualTo(scalper);
			}
			else {
				assertThat(response.status()).isEqualTo(422);
				assertThat(response.problemType()).endsWith("/purchase-limit");
				refused++;
			}
			assertThat(this.api.ordersOf(claimed)).isEmpty();
		}
		assertThat(placed).isEqualTo(2);
		assertThat(refused).isEqualTo(4);
		assertThat(this.api.ordersOf(scalper)).hasSize(2);
	}

	@Test
	void listsOrdersOnlyForTheirCustomerOrTheOperator() {
		String owner = newCustomer();
		String orderId = this.api.place("async", OrderApi.orderJson(owner, "GAME-A", 1)).orderId();

		assertThat(this.api.ordersOf(owner)).extracting((order) -> order.get("orderId").asString())
			.containsExactly(orderId);
		OrderApi.Response mine = this.api.send(OrderApi.asCustomer(this.api.request("/api/orders").GET(), owner));
		assertThat(mine.json().valueStream().map((order) -> order.get("orderId").asString())).containsExactly(orderId);

		OrderApi.Response someoneElse = this.api
			.send(OrderApi.asCustomer(this.api.request("/api/orders?customerId=" + owner).GET(), newCustomer()));
		assertThat(someoneElse.status()).isEqualTo(403);
		assertThat(someoneElse.contentType()).startsWith("application/problem+json");
		assertThat(someoneElse.problemType()).endsWith("/forbidden");
		assertThat(someoneElse.body()).doesNotContain(orderId);

		OrderApi.Response anonymous = this.api.send(this.api.request("/api/orders?customerId=" + owner).GET());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.problemType()).endsWith("/identity-required");

		OrderApi.Response operator = this.api.send(this.api.request("/api/orders?customerId=" + owner)
			.header("Authorization", "Bearer " + OrderApi.OPERATOR_TOKEN)
			.GET());
		assertThat(operator.status()).isEqualTo(200);
		assertThat(operator.body()).contains(orderId);
	}

	private HttpRequest.Builder order(String body) {
		return this.api.request("/api/orders")
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", OrderApi.newKey())
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

}
