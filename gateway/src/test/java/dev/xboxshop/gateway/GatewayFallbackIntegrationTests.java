package dev.xboxshop.gateway;

import java.net.http.HttpRequest.BodyPublishers;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.FreePorts;
import dev.xboxshop.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Inventory and the web tier are down (nothing listens on their ports); cart and order
 * are up but can be told to fail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
				"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s",
				"shop.operator.token=test-operator-token" })
@RealRedis
@ExtendWith(OutputCaptureExtension.class)
class GatewayFallbackIntegrationTests {

	static final StubService cart = StubService.start("cart");

	static final StubService order = StubService.start("order");

	@LocalServerPort
	int port;

	EdgeClient edge;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		String down = "http://127.0.0.1:" + FreePorts.find();
		registry.add("shop.gateway.inventory-url", () -> down);
		registry.add("shop.gateway.web-tier-url", () -> down);
		registry.add("shop.gateway.cart-url", cart::url);
		registry.add("shop.gateway.order-url", order::url);
	}

	@AfterAll
	static void stopBackends() {
		cart.close();
		order.close();
	}

	@BeforeEach
	void client() {
		this.edge = new EdgeClient(this.port);
		cart.reset();
		order.reset();
	}

	@Test
	void answersCatalogReadsWithAProblemWhenInventoryIsDown() {
		Reply reply = this.edge.get("/api/products/XBOX-ONE");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.problemSlug()).isEqualTo("warehouse-unavailable");
		assertThat(reply.json().path("instance").asString()).isEqualTo("/api/products/XBOX-ONE");
	}

	@Test
	void fallsBackWhenAServiceAnswersWith5xx() {
		order.failNext(3, 500);
		Reply reply = this.edge.get("/api/orders/o-1");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.problemSlug()).isEqualTo("service-unavailable");
		// the first try and two retries, then the fallback
		assertThat(order.received()).hasSize(3);
	}

	@Test
	void logsWhyAReadFellBackWithItsCorrelationId(CapturedOutput output) {
		this.edge.get("/api/products/XBOX-ONE", "X-Correlation-Id", "why-did-it-fall-back-1");

		assertThat(output.getOut().lines().filter((line) -> line.contains("correlationId=why-did-it-fall-back-1")))
			.singleElement(as(STRING))
			.contains("fallback GET /api/products/XBOX-ONE")
			.contains("circuit=inventory")
			.containsPattern("state=(CLOSED|OPEN) \\(.*calls failed\\)")
			.containsPattern("cause=.*(ConnectException|CallNotPermittedException)");
	}

	@Test
	void logsTheStatusThatMadeAReadFallBack(CapturedOutput output) {
		order.failNext(3, 502);
		this.edge.get("/api/orders/o-2", "X-Correlation-Id", "why-did-it-fall-back-2");

		assertThat(output.getOut().lines().filter((line) -> line.contains("correlationId=why-did-it-fall-back-2")))
			.singleElement(as(STRING))
			.contains("fallback GET /api/orders/o-2")
			.contains("circuit=order")
			.contains("cause=the service answered 502");
	}

	@Test
	void stopsCallingAFailingServiceOnceItsCircuitOpens() {
		cart.failNext(1000, 500);
		for (int i = 0; i < 4; i++) {
			assertThat(this.edge.get("/api/carts/c-" + i).status()).isEqualTo(503);
		}
		int callsBeforeOpen = cart.received().size();
		Reply reply = this.edge.get("/api/carts/c-9");
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.problemSlug()).isEqualTo("service-unavailable");
		assertThat(cart.received()).hasSize(callsBeforeOpen);
	}

	@Test
	void answersWritesAndPagesOfADownServiceWithAProblem() {
		Reply write = this.edge.send(this.edge.request("/api/admin/chaos")
			.header("Authorization", "Bearer test-operator-token")
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{\"down\":true}")));
		assertThat(write.status()).isEqualTo(503);
		assertThat(write.contentType()).startsWith("application/problem+json");
		assertThat(write.problemSlug()).isEqualTo("service-unavailable");

		Reply page = this.edge.get("/");
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.contentType()).startsWith("application/problem+json");
	}

}
