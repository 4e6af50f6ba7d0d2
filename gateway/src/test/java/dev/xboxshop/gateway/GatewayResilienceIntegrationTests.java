package dev.xboxshop.gateway;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.UUID;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.RealRedis;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's breakers, bulkheads and retries, one per service, as application.yml
 * configures them: what a client hears, and what the operator sees on the actuator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
				"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s",
				// cart's calls time out sooner here; the real limit is 5 s
				"resilience4j.timelimiter.instances.cart.timeout-duration=1s",
				"shop.operator.token=test-operator-token" })
@RealRedis
class GatewayResilienceIntegrationTests {

	static final StubService inventory = StubService.start("inventory");

	static final StubService cart = StubService.start("cart");

	static final StubService order = StubService.start("order");

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	BulkheadRegistry bulkheads;

	EdgeClient edge;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("shop.gateway.inventory-url", inventory::url);
		registry.add("shop.gateway.cart-url", cart::url);
		registry.add("shop.gateway.order-url", order::url);
	}

	@AfterAll
	static void stopBackends() {
		inventory.close();
		cart.close();
		order.close();
	}

	@BeforeEach
	void reset() {
		this.edge = new EdgeClient(this.port);
		inventory.reset();
		cart.reset();
		order.reset();
		this.breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void opensEachServicesOwnCircuitWhenItFailsAndShowsItToTheOperator() {
		cart.failNext(1000, 500);
		for (int i = 0; i < 4; i++) {
			assertThat(this.edge.get("/api/carts/c-" + i).status()).isEqualTo(503);
		}

		Reply breakers = this.edge.get("/actuator/circuitbreakers", "Authorization", "Bearer test-operator-token");
		Reply metrics = this.edge.get("/actuator/prometheus", "Authorization", "Bearer test-operator-token");

		assertThat(breakers.status()).isEqualTo(200);
		assertThat(breakers.json().at("/circuitBreakers/cart/state").asString()).isEqualTo("OPEN");
		assertThat(breakers.json().at("/circuitBreakers/inventory/state").asString()).isEqualTo("CLOSED");
		assertThat(breakers.json().at("/circuitBreakers/order/state").asString()).isEqualTo("CLOSED");
		assertThat(metrics.response().body())
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"cart\",state=\"open\"} 1.0")
			.containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"inventory\"}");
		assertThat(this.edge.get("/actuator/circuitbreakers").status()).isEqualTo(404);
	}

	@Test
	void opensTheCircuitOfAServiceThatAnswersWritesTooLate() {
		cart.delayEachAnswer(Duration.ofSeconds(3));
		for (int i = 0; i < 4; i++) {
			assertThat(createCart().status()).isEqualTo(503);
		}
		cart.reset();

		Reply refused = createCart();

		assertThat(this.breakers.circuitBreaker("cart").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.problemSlug()).isEqualTo("service-unavailable");
		assertThat(cart.received()).isEmpty();
	}

	@Test
	void passesAWritesOwnErrorThroughWithoutCountingIt() {
		cart.failNext(4, 500);
		for (int i = 0; i < 4; i++) {
			assertThat(createCart().status()).isEqualTo(500);
		}

		assertThat(this.breakers.circuitBreaker("cart").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void shedsWithAProblemWhileTheBulkheadIsFullWithoutOpeningTheCircuit() {
		// a bulkhead of none: full, whatever else is in flight
		Bulkhead bulkhead = this.bulkheads.bulkhead("inventory");
		BulkheadConfig configured = bulkhead.getBulkheadConfig();
		bulkhead.changeConfig(BulkheadConfig.from(configured).maxConcurrentCalls(0).build());
		Reply shed;
		try {
			for (int i = 0; i < 6; i++) {
				assertThat(this.edge.get("/api/products/XBOX-ONE").status()).isEqualTo(503);
			}
			shed = this.edge.get("/api/products/XBOX-ONE");
		}
		finally {
			bulkhead.changeConfig(configured);
		}

		assertThat(shed.status()).isEqualTo(503);
		assertThat(shed.contentType()).startsWith("application/problem+json");
		assertThat(shed.problemSlug()).isEqualTo("warehouse-unavailable");
		assertThat(shed.header("Retry-After")).isEqualTo("1");
		assertThat(inventory.received()).isEmpty();
		CircuitBreaker circuit = this.breakers.circuitBreaker("inventory");
		assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(circuit.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(this.edge.get("/api/products/XBOX-ONE").status()).isEqualTo(200);
	}

	@Test
	void retriesAGetButNeverAnOrderPost() {
		inventory.failNext(1, 503);
		assertThat(this.edge.get("/api/products/XBOX-ONE").status()).isEqualTo(200);
		assertThat(inventory.received()).hasSize(2);

		order.failNext(1, 502);
		Reply placed = placeOrder();

		assertThat(placed.status()).isEqualTo(502);
		assertThat(order.received()).hasSize(1);
	}

	private Reply createCart() {
		return this.edge.send(this.edge.request("/api/carts")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{}")));
	}

	private Reply placeOrder() {
		return this.edge.send(this.edge.request("/api/orders")
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.edge.newToken())
			.header("Idempotency-Key", "k-" + UUID.randomUUID())
			.POST(BodyPublishers
				.ofString("{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"XBOX-ONE\",\"quantity\":1}]}")));
	}

}
