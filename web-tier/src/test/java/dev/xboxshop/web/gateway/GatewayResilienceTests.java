package dev.xboxshop.web.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The storefront's {@code gateway} breaker, bulkhead and retry, against a gateway that is
 * not there (nothing listens on its port).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "resilience4j.circuitbreaker.instances.gateway.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.gateway.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.gateway.wait-duration-in-open-state=60s" })
class GatewayResilienceTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	GatewayClient gateway;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	BulkheadRegistry bulkheads;

	CircuitBreaker breaker;

	@DynamicPropertySource
	static void absentGateway(DynamicPropertyRegistry registry) throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			int closed = socket.getLocalPort();
			registry.add("shop.web.gateway-url", () -> "http://127.0.0.1:" + closed);
		}
	}

	@BeforeEach
	void closeTheCircuit() {
		this.breaker = this.breakers.circuitBreaker(GatewayGuard.NAME);
		this.breaker.reset();
	}

	@Test
	void triesAReadAgainButNeverAnOrder() {
		assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> this.gateway.product("XBOX"));
		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(2);
		this.breaker.reset();

		assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> this.gateway.placeOrder("c-1",
				"token-1", List.of(new Order.OrderLine("XBOX", 1)), "8a6f4c1e-2b9d-4f3a-9c7e-5d1b2a3c4e5f"));
		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(1);
	}

	@Test
	void opensTheCircuitWhenTheGatewayDoesNotAnswerAndShowsIt() throws Exception {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(ResourceAccessException.class).isThrownBy(() -> this.gateway.products());
		}

		GatewayProblem refused = catchProblem();
		JsonNode breakers = json(get("/actuator/circuitbreakers").body());
		JsonNode health = json(get("/actuator/health").body());
		String metrics = get("/actuator/prometheus").body();

		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(refused.is(503, "service-unavailable")).isTrue();
		assertThat(breakers.at("/circuitBreakers/gateway/state").asString()).isEqualTo("OPEN");
		assertThat(health.at("/components/circuitBreakers/details/gateway/state").asString()).isEqualTo("OPEN");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(metrics).contains("resilience4j_circuitbreaker_state{name=\"gateway\",state=\"open\"} 1.0");
	}

	@Test
	void shedsAtOnceWhileTheBulkheadIsFullAndThePageStillRenders() throws Exception {
		// a bulkhead of none: full, whatever else is in flight
		Bulkhead bulkhead = this.bulkheads.bulkhead(GatewayGuard.NAME);
		BulkheadConfig configured = bulkhead.getBulkheadConfig();
		bulkhead.changeConfig(BulkheadConfig.from(configured).maxConcurrentCalls(0).build());
		GatewayProblem shed;
		HttpResponse<String> page;
		try {
			shed = catchProblem();
			page = get("/");
		}
		finally {
			bulkhead.changeConfig(configured);
		}

		assertThat(shed.is(503, "service-unavailable")).isTrue();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
	}

	private GatewayProblem catchProblem() {
		try {
			this.gateway.products();
		}
		catch (GatewayProblem problem) {
			return problem;
		}
		throw new AssertionError("the call was not refused");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

}
