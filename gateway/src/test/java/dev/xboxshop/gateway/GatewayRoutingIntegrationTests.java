package dev.xboxshop.gateway;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.operator.token=test-operator-token", "shop.gateway.rate-limit.orders.replenish-rate=50",
				"shop.gateway.rate-limit.orders.burst-capacity=100" })
@RealRedis
class GatewayRoutingIntegrationTests {

	private static final String OPERATOR = "Bearer test-operator-token";

	static final StubService webTier = StubService.start("web-tier");

	static final StubService cart = StubService.start("cart");

	static final StubService inventory = StubService.start("inventory");

	static final StubService order = StubService.start("order");

	@LocalServerPort
	int port;

	EdgeClient edge;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("shop.gateway.web-tier-url", webTier::url);
		registry.add("shop.gateway.cart-url", cart::url);
		registry.add("shop.gateway.inventory-url", inventory::url);
		registry.add("shop.gateway.order-url", order::url);
	}

	@AfterAll
	static void stopBackends() {
		Stream.of(webTier, cart, inventory, order).forEach(StubService::close);
	}

	@BeforeEach
	void resetBackends() {
		this.edge = new EdgeClient(this.port);
		Stream.of(webTier, cart, inventory, order).forEach(StubService::reset);
	}

	@ParameterizedTest
	@CsvSource({ "/, web-tier", "/cart, web-tier", "/orders/o-1, web-tier", "/lab, web-tier", "/css/shop.css, web-tier",
			"/js/live.js, web-tier", "/images/xbox.png, web-tier", "/any/other/page, web-tier",
			"/api/products, inventory", "/api/products/XBOX-ONE, inventory", "/api/stock, inventory",
			"/api/carts/c-1, cart", "/api/orders/o-1, order", "/api/orders?customerId=c-1, order",
			"/api/orders/o-1/events, order", "/api/audit, order" })
	void routesEachReadToItsService(String path, String service) {
		Reply reply = this.edge.get(path);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("service").asString()).isEqualTo(service);
		assertThat(reply.json().path("path").asString()).isEqualTo(path.split("\\?")[0]);
	}

	@Test
	void routesWritesToTheirService() {
		Reply put = this.edge.send(this.edge.request("/api/carts/c-1/items/XBOX-ONE")
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{\"quantity\":1}")));
		assertThat(put.json().path("service").asString()).isEqualTo("cart");
		assertThat(cart.received().get(0).body()).isEqualTo("{\"quantity\":1}");
		Reply post = this.edge.send(this.edge.request("/api/orders")
			.header("Authorization", "Bearer " + this.edge.newToken())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"customerId\":\"c-1\"}")));
		assertThat(post.json().path("service").asString()).isEqualTo("order");
	}

	@ParameterizedTest
	@CsvSource({ "/api/admin/inventory/XBOX-ONE/stock, inventory", "/api/admin/chaos, inventory",
			"/api/admin/checkout-mode, order" })
	void letsOperatorCallsWithTheTokenThrough(String path, String service) {
		Reply reply = this.edge.send(this.edge.request(path)
			.header("Authorization", OPERATOR)
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{}")));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("service").asString()).isEqualTo(service);
	}

	@Test
	void continuesTheClientsTraceDownstream() {
		String traceId = UUID.randomUUID().toString().replace("-", "");

		Reply reply = this.edge.get("/api/products", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		assertThat(reply.status()).isEqualTo(200);
		String forwarded = inventory.received().get(0).traceparent();
		assertThat(forwarded).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void namesTheRequestsTraceInItsOwnProblems() {
		String traceId = UUID.randomUUID().toString().replace("-", "");

		Reply reply = this.edge.send(this.edge.request("/api/admin/chaos")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.PUT(BodyPublishers.ofString("{}")));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().path("traceId").asString()).isEqualTo(traceId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Bearer wrong-token", "Bearer test-operator-token-and-more", "test-operator-token" })
	void refusesOperatorCallsWithoutTheRightToken(String authorization) {
		for (String path : List.of("/api/admin/chaos", "/api/admin/checkout-mode", "/api/admin/inventory/X/stock")) {
			var request = this.edge.request(path).PUT(BodyPublishers.ofString("{}"));
			if (!authorization.isEmpty()) {
				request.header("Authorization", authorization);
			}
			Reply reply = this.edge.send(request);
			assertThat(reply.status()).as(path).isEqualTo(401);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.problemSlug()).isEqualTo("unauthorized");
			assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
		}
		assertThat(inventory.received()).isEmpty();
		assertThat(order.received()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/shutdown", "/actuator/prometheus" })
	void keepsTheServicesActuatorsClosed(String path) {
		Reply reply = this.edge.get(path);
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.problemSlug()).isEqualTo("not-found");
		assertThat(webTier.received()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/products/../../actuator/env", "/api/products/%2e%2e/%2e%2e/actuator/env",
			"/api/carts/x%2F..%2F..%2Factuator/env", "/css/../actuator/env" })
	void refusesDotSegmentsThatWouldReachAnActuator(String path) {
		Reply reply = this.edge.get(path);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.problemSlug()).isEqualTo("malformed-request");
		Stream.of(webTier, cart, inventory, order).forEach((stub) -> assertThat(stub.received()).isEmpty());
	}

	@Test
	void servesItsOwnHealth() {
		Reply reply = this.edge.get("/actuator/health");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
		assertThat(this.edge.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(webTier.received()).isEmpty();
	}

	@Test
	void answersUnknownApiPathsItself() {
		Reply reply = this.edge.get("/api/nothing-here");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.problemSlug()).isEqualTo("not-found");
		assertThat(reply.json().path("instance").asString()).isEqualTo("/api/nothing-here");
		assertThat(webTier.received()).isEmpty();
	}

	@Test
	void tellsTheWebTierWhichHostAndClientTheBrowserUsed() {
		this.edge.get("/cart");

		assertThat(webTier.received()).singleElement().satisfies((request) -> {
			assertThat(request.forwardedHost()).isEqualTo("127.0.0.1:" + this.port);
			assertThat(request.forwardedFor()).isEqualTo("127.0.0.1");
		});
	}

	@Test
	void passesAWellFormedCorrelationIdDownstreamAndEchoesIt() {
		Reply reply = this.edge.get("/api/products", "X-Correlation-Id", "client-chosen-42");
		assertThat(reply.header("X-Correlation-Id")).isEqualTo("client-chosen-42");
		assertThat(reply.response().headers().allValues("X-Correlation-Id")).hasSize(1);
		assertThat(inventory.received().get(0).correlationId()).isEqualTo("client-chosen-42");
	}

	@ParameterizedTest
	@ValueSource(strings = { "has spaces", "semi;colon",
			"waaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaay-too-long" })
	void replacesAMalformedCorrelationIdWithAFreshOne(String offered) {
		Reply reply = this.edge.get("/api/products", "X-Correlation-Id", offered);
		String id = reply.header("X-Correlation-Id");
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(inventory.received().get(0).correlationId()).isEqualTo(id);
	}

	@Test
	void givesEvenItsOwnAnswersACorrelationId() {
		Reply reply = this.edge.get("/api/nothing-here");
		String id = reply.header("X-Correlation-Id");
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(reply.json().path("correlationId").asString()).isEqualTo(id);
	}

	@Test
	void retriesAFailedReadAndAnswersWithTheRetry() {
		order.failNext(1, 503);
		Reply reply = this.edge.get("/api/orders/o-1");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(order.received()).hasSize(2);
	}

	@Test
	void neverRetriesAnOrderPostNotEvenWithAnIdempotencyKey() {
		String body = "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"XBOX-ONE\",\"quantity\":1}]}";
		order.failNext(1, 502);
		Reply keyed = this.edge.send(this.edge.request("/api/orders")
			.header("Authorization", "Bearer " + this.edge.newToken())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "k-" + UUID.randomUUID())
			.POST(BodyPublishers.ofString(body)));
		assertThat(keyed.status()).isEqualTo(502);
		assertThat(order.received()).hasSize(1);

		order.reset();
		order.failNext(1, 502);
		Reply unkeyed = this.edge.send(this.edge.request("/api/orders")
			.header("Authorization", "Bearer " + this.edge.newToken())
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body)));
		assertThat(unkeyed.status()).isEqualTo(502);
		assertThat(order.received()).hasSize(1);
	}

	@Test
	void leavesAKeyedOrderAnsweredWithServiceUnavailableToTheClient() {
		// a 503 is the service's considered answer (e.g. the warehouse is down), not a
		// lost request
		order.failNext(1, 503);
		Reply reply = this.edge.send(this.edge.request("/api/orders")
			.header("Authorization", "Bearer " + this.edge.newToken())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "k-" + UUID.randomUUID())
			.POST(BodyPublishers.ofString("{}")));
		assertThat(reply.status()).isEqualTo(503);
		assertThat(order.received()).hasSize(1);
	}

	@Test
	void retriesAnIdempotentCartWriteButNotACartPost() {
		cart.failNext(1, 502);
		Reply put = this.edge.send(this.edge.request("/api/carts/c-1/items/XBOX-ONE")
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{\"quantity\":1}")));
		assertThat(put.status()).isEqualTo(200);
		assertThat(cart.received()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.body()).isEqualTo("{\"quantity\":1}"));

		cart.reset();
		cart.failNext(1, 502);
		Reply post = this.edge.send(this.edge.request("/api/carts")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{}")));
		assertThat(post.status()).isEqualTo(502);
		assertThat(cart.received()).hasSize(1);
	}

}
