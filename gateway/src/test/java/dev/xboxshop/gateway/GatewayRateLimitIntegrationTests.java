package dev.xboxshop.gateway;

import java.net.http.HttpRequest.BodyPublishers;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-client token buckets in a real Redis. Each request costs 20 tokens of a bucket that
 * holds 60 and refills 1 a second, so a client gets exactly 3 requests and then waits 20
 * s: no race with the refill while the test runs. Placing an order has its own bucket of
 * 1.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.gateway.rate-limit.replenish-rate=1", "shop.gateway.rate-limit.burst-capacity=60",
				"shop.gateway.rate-limit.requested-tokens=20", "shop.gateway.rate-limit.orders.replenish-rate=1",
				"shop.gateway.rate-limit.orders.burst-capacity=20",
				"shop.gateway.rate-limit.orders.requested-tokens=20" })
@RealRedis
class GatewayRateLimitIntegrationTests {

	static final StubService backend = StubService.start("any");

	@Autowired
	StringRedisTemplate redis;

	@LocalServerPort
	int port;

	EdgeClient edge;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		backend.serve(registry);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@BeforeEach
	void client() {
		this.edge = new EdgeClient(this.port);
		backend.reset();
	}

	@Test
	void answers429AsAProblemOnceAClientHasUsedItsBurst() {
		String client = "203.0.113.7";
		for (int i = 0; i < 3; i++) {
			assertThat(this.edge.get("/api/products", "X-Forwarded-For", client).status()).isEqualTo(200);
		}
		// what the client wrote in front of the hop the trusted proxy (loopback) added
		// does not give it a new bucket
		Reply limited = this.edge.get("/api/products", "X-Forwarded-For", "192.0.2.250, " + client);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(limited.problemSlug()).isEqualTo("rate-limited");
		assertThat(limited.json().path("status").asInt()).isEqualTo(429);
		assertThat(Integer.parseInt(limited.header("X-RateLimit-Remaining"))).isLessThan(20);
		assertThat(limited.header("X-Correlation-Id")).isNotBlank();
		assertThat(backend.received()).hasSize(3);
		assertThat(this.redis.hasKey("request_rate_limiter.{inventory-reads." + client + "}.tokens")).isTrue();
	}

	@Test
	void keepsOneBucketPerClient() {
		for (int i = 0; i < 4; i++) {
			this.edge.get("/api/stock", "X-Forwarded-For", "203.0.113.20");
		}
		assertThat(this.edge.get("/api/stock", "X-Forwarded-For", "203.0.113.20").status()).isEqualTo(429);
		assertThat(this.edge.get("/api/stock", "X-Forwarded-For", "203.0.113.21").status()).isEqualTo(200);
	}

	@Test
	void limitsPlacingOrdersMoreTightlyThanReading() {
		String client = "198.51.100.1";
		String token = this.edge.newToken();
		assertThat(placeOrder(client, token).status()).isEqualTo(200);
		Reply limited = placeOrder(client, token);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.problemSlug()).isEqualTo("rate-limited");
		assertThat(this.edge.get("/api/orders/o-1", "X-Forwarded-For", client).status()).isEqualTo(200);
		assertThat(backend.received()).hasSize(2);
	}

	private Reply placeOrder(String client, String token) {
		return this.edge.send(this.edge.request("/api/orders")
			.header("X-Forwarded-For", client)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{}")));
	}

}
