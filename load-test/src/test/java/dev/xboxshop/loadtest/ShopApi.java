package dev.xboxshop.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calls the simulation makes around the load, outside Gatling: operator controls
 * through the gateway; the auditor, the booking backlog and the orders' final states from
 * order-service itself (the backlog is not routed by the gateway, the audit can outlast
 * the gateway's time limit, and reading thousands of orders through it would only measure
 * its rate limiter).
 */
final class ShopApi {

	static final String XBOX = "XBOX-SERIES-X";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final LaunchSettings settings;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ShopApi(LaunchSettings settings) {
		this.settings = settings;
	}

	String restock(int units) {
		return call("PUT", this.settings.baseUrl() + "/api/admin/inventory/" + XBOX + "/stock",
				"{\"available\":" + units + "}");
	}

	String chaos(int extraLatencyMs) {
		return call("PUT", this.settings.baseUrl() + "/api/admin/chaos",
				"{\"extraLatencyMs\":" + extraLatencyMs + ",\"errorRate\":0.0,\"down\":false}");
	}

	/**
	 * The auditor's report, from order-service itself. Asked up to three times
	 * (order-service may still be busy with the run's tail).
	 */
	Optional<JsonNode> audit() {
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<JsonNode> audit = json(this.settings.orderUrl() + "/api/audit");
			if (audit.isPresent()) {
				return audit;
			}
		}
		return Optional.empty();
	}

	/** The X-Box's catalog price in cents, from inventory's catalog (-1: unreadable). */
	long xboxPriceCents() {
		return json(this.settings.baseUrl() + "/api/products").map((products) -> {
			for (JsonNode product : products) {
				if (XBOX.equals(product.path("sku").asText())) {
					return product.path("priceCents").asLong(-1);
				}
			}
			return -1L;
		}).orElse(-1L);
	}

	/** Every order-service replica's escrow leases ({@code GET /api/escrow/leases}). */
	Optional<JsonNode> escrowLeases() {
		return json(this.settings.orderUrl() + "/api/escrow/leases");
	}

	Optional<JsonNode> backlog() {
		return json(this.settings.orderUrl() + "/api/backlog");
	}

	Optional<FinalOrder> order(String orderId) {
		return json(this.settings.orderUrl() + "/api/orders/" + orderId).filter((order) -> order.hasNonNull("status"))
			.map((order) -> new FinalOrder(orderId, order.get("status").asText(),
					order.hasNonNull("reason") ? order.get("reason").asText() : null, instant(order, "createdAt"),
					instant(order, "updatedAt")));
	}

	private static Instant instant(JsonNode order, String field) {
		return order.hasNonNull(field) ? Instant.parse(order.get(field).asText()) : Instant.EPOCH;
	}

	private Optional<JsonNode> json(String url) {
		String answer = call("GET", url, null);
		if (!answer.startsWith("200 ")) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readTree(answer.substring(4)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @return the status and the body, or a sentence saying why there is none
	 */
	String call(String method, String url, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.settings.operatorToken())
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() + " " + response.body();
		}
		catch (IOException ex) {
			return "unreachable: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
