package dev.xboxshop.order;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.testsupport.http.LoopbackHttp;

/**
 * The order service's HTTP API as a test sees it: real requests to the running server.
 */
public final class OrderApi {

	public static final String OPERATOR_TOKEN = "xbox-launch-operator";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LoopbackHttp http;

	public OrderApi(int port) {
		this.http = new LoopbackHttp("http://localhost:" + port);
	}

	public static String orderJson(String customerId, String sku, int quantity) {
		return "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
				+ "}]}";
	}

	public static String newKey() {
		return UUID.randomUUID().toString();
	}

	/** Place an order in the given mode (null: the live mode) with a fresh key. */
	public Response place(String mode, String body) {
		return place(newKey(), mode, body);
	}

	public Response place(String key, String mode, String body) {
		HttpRequest.Builder request = request("/api/orders").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		if (mode != null) {
			request.header("X-Checkout-Mode", mode);
		}
		return send(request);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public JsonNode order(String orderId) {
		Response response = get("/api/orders/" + orderId);
		if (response.status() != 200) {
			throw new IllegalStateException("GET order " + orderId + " answered " + response.status());
		}
		return response.json();
	}

	public String status(String orderId) {
		return order(orderId).get("status").asString();
	}

	public List<JsonNode> ordersOf(String customerId) {
		return get("/api/orders?customerId=" + customerId).json().valueStream().toList();
	}

	public Response send(HttpRequest.Builder request) {
		HttpResponse<String> response = this.http.send(request);
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	public HttpRequest.Builder request(String path) {
		return this.http.request(path);
	}

	public HttpClient client() {
		return this.http.client();
	}

	/**
	 * @param status the HTTP status
	 * @param contentType the Content-Type header
	 * @param body the body text
	 */
	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String orderId() {
			JsonNode json = json();
			return json.has("orderId") ? json.get("orderId").asString() : null;
		}

		public String problemType() {
			return json().get("type").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + this.body;
		}

	}

}
