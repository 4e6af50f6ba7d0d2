package dev.xboxshop.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.testsupport.http.LoopbackHttp;

import static dev.xboxshop.localrun.ShopClient.XBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the client's request through every service it reaches and back, as
 * {@code ./shop trace <traceId>} shows it from the running shop's logs: the client sends
 * a W3C {@code traceparent}, and the lines of every service name its trace id.
 */
class TracingSystemIntegrationTests {

	/** Spans are written in batches, at the latest 5 s after they end. */
	private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LocalShop shop;

	private static ShopClient client;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@BeforeAll
	static void startShop() {
		shop = RunningShop.get();
		client = new ShopClient(shop);
	}

	@Test
	void followsAnAsyncOrderFromTheGatewayThroughKafkaToInventoryAndBackAsOneTrace() {
		client.setAvailable(XBOX, 10);
		String traceId = newTraceId();
		String customer = "traced-" + UUID.randomUUID();

		HttpResponse<String> accepted = send(traced(traceId, "/api/orders").header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("X-Checkout-Mode", "async")
			.header("X-Forwarded-For", "10.99.0.1")
			.header("Authorization", "Bearer " + client.newToken("10.99.0.1"))
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + XBOX + "\",\"quantity\":1}]}")));

		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String orderId = JSON.readTree(accepted.body()).path("orderId").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(client.order(orderId).text("status")));
		// spans are written in batches, each service on its own: wait for every step's
		List<TraceLog.Line> lines = await().atMost(WRITTEN_WITHIN)
			.until(() -> TraceLog.of(logs(), traceId),
					(found) -> hasSpan(found, "gateway", "http post")
							&& hasSpan(found, "order-service", "http post /api/orders")
							&& hasSpan(found, "order-service", "outbox publish")
							&& hasSpan(found, "order-service", "orders.placed send")
							&& hasSpan(found, "inventory-service", "stock answer")
							&& hasSpan(found, "inventory-service", "stock.reserved send")
							&& hasSpan(found, "order-service", "apply stock.reserved"));
		assertThat(services(lines)).containsOnly("gateway", "order-service", "inventory-service");
	}

	private static boolean hasSpan(List<TraceLog.Line> lines, String service, String name) {
		return lines.stream()
			.anyMatch((line) -> line.service().startsWith(service) && line.text().contains("name=\"" + name + "\""));
	}

	@Test
	void followsAStorefrontPageFromTheGatewayThroughTheWebTierToTheServicesItAsks() {
		String traceId = newTraceId();

		HttpResponse<String> page = send(traced(traceId, "/").header("X-Forwarded-For", "10.99.0.2").GET());

		assertThat(page.statusCode()).isEqualTo(200);
		await().atMost(WRITTEN_WITHIN)
			.until(() -> services(TraceLog.of(logs(), traceId)),
					(services) -> services.containsAll(Set.of("gateway", "web-tier", "inventory-service")));
	}

	@Test
	void namesTheTraceInAProblemThatCameThroughTheGateway() {
		String traceId = newTraceId();

		HttpResponse<String> unknown = send(
				traced(traceId, "/api/products/NO-SUCH-CONSOLE").header("X-Forwarded-For", "10.99.0.3").GET());

		assertThat(unknown.statusCode()).isEqualTo(404);
		JsonNode problem = JSON.readTree(unknown.body());
		assertThat(problem.path("traceId").asString()).isEqualTo(traceId);
	}

	private HttpRequest.Builder traced(String traceId, String path) {
		return HttpRequest.newBuilder(URI.create(shop.url("gateway") + path))
			.timeout(Duration.ofSeconds(10))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return LoopbackHttp.send(this.http, request.build());
	}

	private static Path logs() {
		return shop.options().workDir().resolve("logs");
	}

	/** The services that wrote the lines, a replica counted as its service. */
	private static Set<String> services(List<TraceLog.Line> lines) {
		return lines.stream().map((line) -> line.service().replaceFirst("-2$", "")).collect(Collectors.toSet());
	}

	private static String newTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
