package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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

	record Answer(int status, long millis, JsonNode body) {

		String text(String field) {
			return this.body.path(field).asString();
		}

	}

	Answer placeOrder(String customerId, String idempotencyKey, String mode, int quantity) {
		String body = "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + XBOX + "\",\"quantity\":"
				+ quantity + "}]}";
		return send(HttpRequest.newBuilder(uri("order-service", "/api/orders"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.header("X-Checkout-Mode", mode)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	int page(String url) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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

	void setMode(String mode) {
		operator("order-service", "/api/admin/checkout-mode", Map.of("mode", mode));
	}

	String mode() {
		return send(HttpRequest.newBuilder(uri("order-service", "/api/admin/checkout-mode"))
			.header("Authorization", "Bearer " + RunningShop.OPERATOR_TOKEN)
			.GET()).text("mode");
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
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			long millis = (System.nanoTime() - started) / 1_000_000;
			JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
			return new Answer(response.statusCode(), millis, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
