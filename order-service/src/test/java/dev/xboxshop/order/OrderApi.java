package dev.xboxshop.order;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.testsupport.http.LoopbackHttp;
import dev.xboxshop.websupport.identity.CustomerTokens;

/**
 * The order service's HTTP API as a test sees it: real requests to the running server.
 */
public final class OrderApi {

	public static final String OPERATOR_TOKEN = "xbox-launch-operator";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The services' development secret, which the tests run with. */
	public static final CustomerTokens TOKENS = new CustomerTokens(CustomerTokens.DEV_SECRET);

	private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern LISTED_CUSTOMER = Pattern
		.compile("^/api/orders\\?(?:.*&)?customerId=([A-Za-z0-9_-]{1,64})");

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
		HttpRequest.Builder request = asCustomer(request("/api/orders"), customerOf(body))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		if (mode != null) {
			request.header("X-Checkout-Mode", mode);
		}
		return send(request);
	}

	/**
	 * A GET as the gateway would pass it on: a list of a customer's orders as that
	 * customer, the audit as the operator.
	 */
	public Response get(String path) {
		HttpRequest.Builder request = request(path).GET();
		Matcher customer = LISTED_CUSTOMER.matcher(path);
		if (customer.find()) {
			asCustomer(request, customer.group(1));
		}
		if (path.startsWith("/api/audit")) {
			request.header("Authorization", "Bearer " + OPERATOR_TOKEN);
		}
		return send(request);
	}

	/** The headers the gateway adds for a customer it verified. */
	public static HttpRequest.Builder asCustomer(HttpRequest.Builder request, String customerId) {
		return request.header(CustomerTokens.CUSTOMER_HEADER, customerId)
			.header(CustomerTokens.PROOF_HEADER, TOKENS.proof(customerId));
	}

	/** The body's customerId when it is one the gateway could verify, else a stand-in. */
	private static String customerOf(String body) {
		try {
			JsonNode id = JSON.readTree(body).path("customerId");
			if (id.isString() && CUSTOMER_ID.matcher(id.asString()).matches()) {
				return id.asString();
			}
		}
		catch (RuntimeException notJson) {
			// the test sends a malformed body on purpose
		}
		return "test-customer";
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
