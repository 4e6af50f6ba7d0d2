package dev.xboxshop.gateway;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis unreachable the rate limiter fails open: traffic passes (and the error is
 * logged), and the gateway stays healthy. Same tight limits as the rate-limit tests,
 * where the fourth request would be refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.gateway.rate-limit.replenish-rate=1", "shop.gateway.rate-limit.burst-capacity=60",
				"shop.gateway.rate-limit.requested-tokens=20", "spring.data.redis.host=127.0.0.1" })
class GatewayRedisDownIntegrationTests {

	static final StubService backend = StubService.start("inventory");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shop.gateway.inventory-url", backend::url);
		// nothing listens there: every Redis call fails
		int closedPort = FreePorts.find();
		registry.add("spring.data.redis.port", () -> closedPort);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void letsTrafficThroughWhenRedisIsDown() {
		EdgeClient edge = new EdgeClient(this.port);
		for (int i = 0; i < 6; i++) {
			Reply reply = edge.get("/api/products", "X-Forwarded-For", "203.0.113.99");
			assertThat(reply.status()).as("request %d", i + 1).isEqualTo(200);
		}
		assertThat(backend.received()).hasSize(6);
	}

	@Test
	void staysHealthyWhenRedisIsDown() {
		Reply health = new EdgeClient(this.port).get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
	}

}
