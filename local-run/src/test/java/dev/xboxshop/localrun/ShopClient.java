package dev.xboxshop.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.testsupport.http.LoopbackHttp;
import dev.xboxshop.websupport.identity.CustomerTokens;

/**
 * Plain HTTP calls to the running shop's services, as any client would make them.
 */
final class ShopClient {

	static final String XBOX = "XBOX-SERIES-X";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final LocalShop shop;

	ShopClient(LocalShop shop) {
		this.shop = shop;
	}

	private static final CustomerTokens TOKENS = new CustomerTokens(ShopOptions.DEFAULT_IDENTITY_SECRET);

	record Answer(int status, long millis, JsonNode body) {

		String text(String field) {
			return this.body.path(field).asString();
		}

	}

	/**
	 * An order straight to order-service, carrying the customer as the gateway passes a
	 * verified one on (signed with the shop's development secret, which the test shop
	 * runs with).
	 */
	Answer placeOrder(String customerId, String idempotencyKey, String mode, int quantity) {
		return send(orderRequest("order-service", customerId, idempotencyKey, mode, quantity)
			.header(CustomerTokens.CUSTOMER_HEADER, customerId)
			.header(CustomerTokens.PROOF_HEADER, TOKENS.proof(customerId)));
	}

	int page(String url) {
		return exchange(HttpRequest.newBuilder(URI.create(url)), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * An order through the gateway, from its own client address so that per-client rate
	 * limits see a crowd.
	 */
	Answer placeOrderThroughGateway(String customerId, String idempotencyKey, String mode, String clientAddress) {
		return send(
				orderRequest("gateway", customerId, idempotencyKey, mode, 1).header("X-Forwarded-For", clientAddress)
					.header("Authorization", "Bearer " + newToken(clientAddress)));
	}

	/** A customer token from the gateway, as an API client at that address gets one. */
	String newToken(String clientAddress) {
		Answer identity = send(HttpRequest.newBuilder(uri("gateway", "/api/identity"))
			.header("X-Forwarded-For", clientAddress)
			.POST(HttpRequest.BodyPublishers.noBody()));
		if (identity.status() != 201) {
			throw new IllegalStateException("POST /api/identity answered " + identity.status());
		}
		return identity.text("token");
	}

	private HttpRequest.Builder orderRequest(String service, String customerId, String idempotencyKey, String mode,
			int quantity) {
		String body = "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + XBOX + "\",\"quantity\":"
				+ quantity + "}]}";
		return HttpRequest.newBuilder(uri(service, "/api/orders"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.header("X-Checkout-Mode", mode)
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	/**
	 * How many requests one service instance has served for a URI pattern and method.
	 */
	long served(String service, String uriPattern, String method) {
		Answer metric = send(HttpRequest
			.newBuilder(uri(service,
					"/actuator/metrics/http.server.requests?tag=uri:" + uriPattern + "&tag=method:" + method))
			.GET());
		if (metric.status() == 404) {
			return 0;
		}
		for (JsonNode measurement : metric.body().path("measurements")) {
			if ("COUNT".equals(measurement.path("statistic").asString())) {
				return (long) measurement.path("value").asDouble();
			}
		}
		return 0;
	}

	String modeOf(String orderService) {
		return send(HttpRequest.newBuilder(uri(orderService, "/api/admin/checkout-mode"))
			.header("Authorization", "Bearer " + RunningShop.OPERATOR_TOKEN)
			.GET()).text("mode");
	}

	Answer order(String orderId) {
		return send(HttpRequest.newBuilder(uri("order-service", "/api/orders/" + orderId)).GET());
	}

	Answer stock() {
		return send(HttpRequest.newBuilder(uri("inventory-service", "/api/stock")).GET());
	}

	Answer audit() {
		return send(HttpRequest.newBuilder(uri("order-service", "/api/audit")).GET());
	}

	JsonNode stockOf(String sku) {
		for (JsonNode level : stock().body()) {
			if (sku.equals(level.path("sku").asString())) {
				return level;
			}
		}
		throw new IllegalStateException("No stock level for " + sku);
	}

	void setAvailable(String sku, int available) {
		operator("inventory-service", "/api/admin/inventory/" + sku + "/stock", Map.of("available", available));
	}

	void setChaos(boolean down) {
		setChaos(0, down);
	}

	void setChaos(int extraLatencyMs, boolean down) {
		operator("inventory-service", "/api/admin/chaos",
				Map.of("extraLatencyMs", extraLatencyMs, "errorRate", 0.0, "down", down));
	}

	JsonNode chaos() {
		return send(HttpRequest.newBuilder(uri("inventory-service", "/api/admin/chaos"))
			.header("Authorization", "Bearer " + RunningShop.OPERATOR_TOKEN)
			.GET()).body();
	}

	void setMode(String mode) {
		operator("order-service", "/api/admin/checkout-mode", Map.of("mode", mode));
	}

	String mode() {
		return modeOf("order-service");
	}

	private void operator(String service, String path, Map<String, Object> body) {
		Answer answer = send(HttpRequest.newBuilder(uri(service, path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + RunningShop.OPERATOR_TOKEN)
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (answer.status() != 200) {
			throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.body());
		}
	}

	private URI uri(String service, String path) {
		return URI.create(this.shop.url(service) + path);
	}

	private Answer send(HttpRequest.Builder request) {
		long started = System.nanoTime();
		HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
		long millis = (System.nanoTime() - started) / 1_000_000;
		JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
		return new Answer(response.statusCode(), millis, body);
	}

	private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		return LoopbackHttp.send(this.http, request.timeout(Duration.ofSeconds(30)).build(), body);
	}

}
