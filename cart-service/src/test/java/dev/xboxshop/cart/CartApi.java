package dev.xboxshop.cart;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.testsupport.http.LoopbackHttp;

/**
 * A plain HTTP client for the cart API of a running cart-service, so tests send exactly
 * the bytes and headers a browser or a broken client would.
 */
public final class CartApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LoopbackHttp http;

	public CartApi(int port) {
		this.http = LoopbackHttp.port(port);
	}

	public Reply get(String path) {
		return send(this.http.request(path).GET());
	}

	public Reply put(String path, String contentType, String body) {
		return send(this.http.request(path).header("Content-Type", contentType).PUT(BodyPublishers.ofString(body)));
	}

	/** A PUT with no Content-Length, sent chunked. */
	public Reply putChunked(String path, String contentType, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
		return send(this.http.request(path).header("Content-Type", contentType).PUT(chunked));
	}

	public Reply setQuantity(String cartId, String sku, int quantity) {
		return put("/api/carts/" + cartId + "/items/" + sku, "application/json", "{\"quantity\":" + quantity + "}");
	}

	public Reply delete(String path) {
		return send(this.http.request(path).DELETE());
	}

	private Reply send(HttpRequest.Builder request) {
		HttpResponse<String> response = this.http.send(request);
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	public record Reply(int status, String contentType, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		/** The slug of a problem type, e.g. {@code invalid-quantity}. */
		public String problemSlug() {
			return json().path("type").asString().replace("https://xbox-shop.example/problems/", "");
		}

	}

}
