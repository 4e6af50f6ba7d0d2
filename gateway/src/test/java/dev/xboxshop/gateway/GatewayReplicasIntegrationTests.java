package dev.xboxshop.gateway;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.FreePorts;
import dev.xboxshop.testsupport.RealRedis;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two order-service replicas behind the gateway's client-side balancer ({@code ./shop
 * --replicas}), one of them killed (nothing listens on its port): every order still
 * reaches the live one, and the order circuit stays closed, so the shop keeps selling
 * while the dead replica restarts: a connection that was never made is retried on the
 * next replica, an answer never is ({@code GatewayResilienceIntegrationTests}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "shop.gateway.order-url=lb://order-service",
		// one test client buys as many customers (one identity each)
		"shop.gateway.rate-limit.identities.burst-capacity=100" })
@RealRedis
class GatewayReplicasIntegrationTests {

	static final StubService order = StubService.start("order");

	static final StubService others = StubService.start("others");

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		others.serve(registry, "web-tier", "cart", "inventory");
		String instances = "spring.cloud.discovery.client.simple.instances.order-service";
		registry.add(instances + "[0].uri", () -> "http://127.0.0.1:" + FreePorts.find());
		registry.add(instances + "[1].uri", order::url);
	}

	@AfterAll
	static void stopBackends() {
		order.close();
		others.close();
	}

	@Test
	void placesEveryOrderThroughTheLiveReplicaWhileTheOtherIsDead() {
		EdgeClient edge = new EdgeClient(this.port);
		int orders = 30;

		for (int i = 0; i < orders; i++) {
			Reply placed = edge.send(edge.request("/api/orders")
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + edge.newToken())
				.header("Idempotency-Key", "k-" + UUID.randomUUID())
				.POST(BodyPublishers.ofString("{\"items\":[{\"sku\":\"XBOX-ONE\",\"quantity\":1}]}")));
			assertThat(placed.status()).as("order %d: %s", i, placed.response().body()).isEqualTo(200);
		}

		assertThat(order.received()).filteredOn((request) -> request.method().equals("POST")).hasSize(orders);
		assertThat(this.breakers.circuitBreaker("order").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

}
