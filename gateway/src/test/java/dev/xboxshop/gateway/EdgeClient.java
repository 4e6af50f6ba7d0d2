package dev.xboxshop.gateway;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.concurrent.ThreadLocalRandom;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.testsupport.http.LoopbackHttp;

/**
 * Sends plain HTTP requests to a running gateway, as a browser or API client would.
 */
public final class EdgeClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	public EdgeClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path));
	}

	public Reply get(String path, String... headers) {
		HttpRequest.Builder request = request(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * A new customer token from {@code POST /api/identity}, asked from a random address
	 * so tests never share its rate-limit bucket.
	 */
	public String newToken() {
		String address = "100.64." + ThreadLocalRandom.current().nextInt(256) + "."
				+ ThreadLocalRandom.current().nextInt(256);
		Reply reply = send(request("/api/identity").header("X-Forwarded-For", address).POST(BodyPublishers.noBody()));
		if (reply.status() != 201) {
			throw new IllegalStateException(
					"POST /api/identity answered " + reply.status() + " " + reply.response().body());
		}
		return reply.json().path("token").asString();
	}

	public Reply send(HttpRequest.Builder request) {
		return new Reply(LoopbackHttp.send(this.http, request.build()));
	}

	public record Reply(HttpResponse<String> response) {

		public int status() {
			return this.response.statusCode();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return this.response.headers().firstValue("Content-Type").orElse("");
		}

		public JsonNode json() {
			return json.readTree(this.response.body());
		}

		/** The problem type slug, e.g. {@code rate-limited}. */
		public String problemSlug() {
			return json().path("type").asString().replace("https://xbox-shop.example/problems/", "");
		}

	}

}
