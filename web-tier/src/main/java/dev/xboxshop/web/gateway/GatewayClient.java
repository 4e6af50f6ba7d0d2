package dev.xboxshop.web.gateway;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.xboxshop.web.OperatorProperties;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import dev.xboxshop.web.WebTierProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Every call the storefront makes, all through the gateway (never straight to a service),
 * each through the {@link GatewayGuard}. Calls block; the pages run them in parallel on
 * the parts executor. An error status becomes a {@link GatewayProblem}; an unreachable or
 * slow gateway a {@code ResourceAccessException}.
 */
@Component
public class GatewayClient {

	private static final ParameterizedTypeReference<List<Order>> ORDERS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	private final RestClient checkout;

	private final RestClient reports;

	private final String operatorAuthorization;

	private final JsonMapper json;

	private final GatewayGuard guard;

	GatewayClient(RestClient.Builder builder, WebTierProperties properties, OperatorProperties operator,
			CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, RetryRegistry retries, JsonMapper json) {
		this.guard = new GatewayGuard(breakers.circuitBreaker(GatewayGuard.NAME), bulkheads.bulkhead(GatewayGuard.NAME),
				retries.retry(GatewayGuard.NAME));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.callTimeout())
			.build();
		this.rest = client(builder, properties.gatewayUrl(), http, properties.callTimeout());
		this.checkout = client(builder, properties.gatewayUrl(), http, properties.checkoutTimeout());
		this.reports = client(builder, properties.gatewayUrl(), http, properties.auditTimeout());
		this.operatorAuthorization = "Bearer " + operator.token();
		this.json = json;
	}

	/** A shopper without a token sends none: the gateway refuses with its own 401. */
	private static void bearer(HttpHeaders headers, String token) {
		if (token != null) {
			headers.setBearerAuth(token);
		}
	}

	private RestClient client(RestClient.Builder builder, String baseUrl, HttpClient http, Duration readTimeout) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(readTimeout);
		return builder.clone()
			.baseUrl(baseUrl)
			.requestFactory(factory)
			.requestInterceptor(this.guard)
			.requestInterceptor((request, body, execution) -> {
				String address = ClientAddress.current();
				if (address != null) {
					request.getHeaders().set(ClientAddress.HEADER, address);
				}
				return execution.execute(request, body);
			})
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw problemOf(response);
			})
			.build();
	}

	public Product product(String sku) {
		return this.rest.get().uri("/api/products/{sku}", sku).retrieve().body(Product.class);
	}

	public List<Product> products() {
		Product[] products = this.rest.get().uri("/api/products").retrieve().body(Product[].class);
		return (products != null) ? List.of(products) : List.of();
	}

	public Cart cart(String cartId) {
		return this.rest.get().uri("/api/carts/{cartId}", cartId).retrieve().body(Cart.class);
	}

	public Cart setQuantity(String cartId, String sku, int quantity) {
		return this.rest.put()
			.uri("/api/carts/{cartId}/items/{sku}", cartId, sku)
			.body(Map.of("quantity", quantity))
			.retrieve()
			.body(Cart.class);
	}

	public Cart remove(String cartId, String sku) {
		return this.rest.delete().uri("/api/carts/{cartId}/items/{sku}", cartId, sku).retrieve().body(Cart.class);
	}

	public void clearCart(String cartId) {
		this.rest.delete().uri("/api/carts/{cartId}", cartId).retrieve().toBodilessEntity();
	}

	/** A new anonymous customer: the gateway signs its token. */
	public Identity newIdentity() {
		return this.rest.post().uri("/api/identity").retrieve().body(Identity.class);
	}

	/**
	 * Places the shopper's order: the gateway takes the customer from the token, the
	 * body's {@code customerId} only repeats it.
	 */
	public PlacedOrder placeOrder(String customerId, String token, List<Order.OrderLine> lines, String idempotencyKey) {
		var answer = this.checkout.post()
			.uri("/api/orders")
			.headers((headers) -> bearer(headers, token))
			.header("Idempotency-Key", idempotencyKey)
			.body(Map.of("customerId", customerId, "items", lines))
			.retrieve()
			.toEntity(Order.class);
		return new PlacedOrder(answer.getStatusCode().value(), answer.getBody());
	}

	public Order order(String orderId) {
		return this.rest.get().uri("/api/orders/{orderId}", orderId).retrieve().body(Order.class);
	}

	public List<Order> ordersOf(String customerId, String token) {
		List<Order> orders = this.rest.get()
			.uri("/api/orders?customerId={customerId}", customerId)
			.headers((headers) -> bearer(headers, token))
			.retrieve()
			.body(ORDERS);
		return (orders != null) ? orders : List.of();
	}

	public String checkoutMode() {
		CheckoutMode mode = this.rest.get()
			.uri("/api/admin/checkout-mode")
			.header(HttpHeaders.AUTHORIZATION, this.operatorAuthorization)
			.retrieve()
			.body(CheckoutMode.class);
		return (mode != null) ? mode.mode() : null;
	}

	/**
	 * The mode order-service starts in (its {@code shop.checkout.mode}), as it reports it
	 * beside the live one; null when it does not say.
	 */
	public String defaultCheckoutMode() {
		Map<String, Object> setting = this.rest.get()
			.uri("/api/admin/checkout-mode")
			.header(HttpHeaders.AUTHORIZATION, this.operatorAuthorization)
			.retrieve()
			.body(JSON_OBJECT);
		Object mode = (setting != null) ? setting.get("defaultMode") : null;
		return (mode != null) ? mode.toString() : null;
	}

	public void switchCheckoutMode(String mode) {
		this.rest.put()
			.uri("/api/admin/checkout-mode")
			.header(HttpHeaders.AUTHORIZATION, this.operatorAuthorization)
			.body(new CheckoutMode(mode))
			.retrieve()
			.toBodilessEntity();
	}

	public Chaos chaos() {
		return this.rest.get()
			.uri("/api/admin/chaos")
			.header(HttpHeaders.AUTHORIZATION, this.operatorAuthorization)
			.retrieve()
			.body(Chaos.class);
	}

	public void setChaos(Chaos chaos) {
		this.rest.put()
			.uri("/api/admin/chaos")
			.header(HttpHeaders.AUTHORIZATION, this.operatorAuthorization)
			.body(chaos)
			.retrieve()
			.toBodilessEntity();
	}

	public void setStock(String sku, int available) {
		this.rest.put()
			.uri("/api/admin/inventory/{sku}/stock", sku)
			.header(HttpHeaders.AUTHORIZATION, this.operatorAuthorization)
			.body(Map.of("available", available))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * The auditor's verdict, kept as plain JSON: the lab page shows whatever it reports.
	 * An audit may take longer than a page part ({@code shop.web.audit-timeout}).
	 */
	public Map<String, Object> audit() {
		// the lab is the operator's page: the operator sees the order ids others do not
		Map<String, Object> audit = this.reports.get()
			.uri("/api/audit")
			.header(HttpHeaders.AUTHORIZATION, this.operatorAuthorization)
			.retrieve()
			.body(JSON_OBJECT);
		return (audit != null) ? audit : Map.of();
	}

	/**
	 * Every order-service replica's escrow leases.
	 */
	public List<EscrowLease> escrowLeases() {
		EscrowLease[] leases = this.rest.get().uri("/api/escrow/leases").retrieve().body(EscrowLease[].class);
		return (leases != null) ? List.of(leases) : List.of();
	}

	/**
	 * How far async booking is behind.
	 */
	public Backlog backlog() {
		return this.rest.get().uri("/api/backlog").retrieve().body(Backlog.class);
	}

	private GatewayProblem problemOf(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		byte[] body = response.getBody().readNBytes(16 * 1024);
		try {
			ProblemBody problem = this.json.readValue(body, ProblemBody.class);
			return new GatewayProblem(status, slugOf(problem.type()), problem.detail());
		}
		catch (RuntimeException notAProblem) {
			return new GatewayProblem(status, "", null);
		}
	}

	private static String slugOf(String type) {
		if (type == null) {
			return "";
		}
		return type.substring(type.lastIndexOf('/') + 1);
	}

	@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
	record ProblemBody(String type, String title, String detail) {

	}

}
