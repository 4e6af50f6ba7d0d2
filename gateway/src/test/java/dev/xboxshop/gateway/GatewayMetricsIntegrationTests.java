package dev.xboxshop.gateway;

import java.net.http.HttpRequest.BodyPublishers;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.FreePorts;
import dev.xboxshop.testsupport.PrometheusScrape;
import dev.xboxshop.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's meters and who may read them: the services' {@code /actuator/prometheus}
 * is never proxied, the gateway's own answers only the operator token, and it counts
 * fallbacks by service and cause and rate-limit rejections by route. Inventory is down
 * (nothing listens on its port); the other services are one stand-in. Placing an order
 * costs 20 tokens of a bucket of 20 that refills 1 a second, so a client gets one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.operator.token=test-operator-token", "shop.gateway.rate-limit.orders.replenish-rate=1",
				"shop.gateway.rate-limit.orders.burst-capacity=20",
				"shop.gateway.rate-limit.orders.requested-tokens=20" })
@RealRedis
class GatewayMetricsIntegrationTests {

	static final String OPERATOR = "Bearer test-operator-token";

	static final StubService backend = StubService.start("any");

	@LocalServerPort
	int port;

	EdgeClient edge;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("shop.gateway.inventory-url", () -> "http://127.0.0.1:" + FreePorts.find());
		backend.serve(registry, "web-tier", "cart", "order");
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
	void neverServesAScrapeEndpointWithoutTheOperatorToken() {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/%70rometheus",
				"/actuator/prometheus?format=openmetrics" }) {
			Reply reply = this.edge.get(path);
			assertThat(reply.status()).as(path).isEqualTo(404);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.problemSlug()).isEqualTo("not-found");
		}
		assertThat(this.edge.get("/actuator/prometheus", "Authorization", "Bearer wrong").status()).isEqualTo(404);
		assertThat(backend.received()).isEmpty();
	}

	@Test
	void servesItsOwnMetricsToTheOperatorAndNeverProxiesAServicesScrape() {
		PrometheusScrape scrape = PrometheusScrape.of(this.port, "Authorization", OPERATOR);

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.value("jvm_threads_live_threads")).isPresent();
		assertThat(backend.received()).isEmpty();
	}

	@Test
	void countsFallbacksByServiceAndCause() {
		double connect = fallbacks("inventory", "connect");
		double failed = fallbacks("order", "status_503");
		backend.failNext(3, 503);

		assertThat(this.edge.get("/api/products/XBOX-ONE").status()).isEqualTo(503);
		assertThat(this.edge.get("/api/orders/o-1").status()).isEqualTo(503);

		assertThat(fallbacks("inventory", "connect")).isEqualTo(connect + 1);
		assertThat(fallbacks("order", "status_503")).isEqualTo(failed + 1);
	}

	@Test
	void countsRateLimitRejectionsByRoute() {
		double before = scrape().valueOrZero("shop_gateway_rate_limited_total", "route", "order-placement");
		String client = "203.0.113.42";
		String token = this.edge.newToken();

		assertThat(placeOrder(client, token).status()).isNotEqualTo(429);
		assertThat(placeOrder(client, token).status()).isEqualTo(429);

		assertThat(scrape().valueOrZero("shop_gateway_rate_limited_total", "route", "order-placement"))
			.isEqualTo(before + 1);
	}

	private Reply placeOrder(String client, String token) {
		return this.edge.send(this.edge.request("/api/orders")
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.header("Authorization", "Bearer " + token)
			.POST(BodyPublishers.ofString("{}")));
	}

	private double fallbacks(String service, String cause) {
		return scrape().valueOrZero("shop_gateway_fallbacks_total", "service", service, "cause", cause);
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of(this.port, "Authorization", OPERATOR);
	}

}
