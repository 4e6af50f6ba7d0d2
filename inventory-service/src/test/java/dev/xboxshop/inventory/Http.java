package dev.xboxshop.inventory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import dev.xboxshop.testsupport.http.LoopbackHttp;

/**
 * A plain HTTP client for the service on its random port, so tests see exactly the bytes
 * a real caller would, through the real servlet container.
 */
@TestComponent
public class Http {

	public static final String OPERATOR = "Bearer xbox-launch-operator";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Environment environment;

	private final JsonMapper json;

	Http(Environment environment, JsonMapper json) {
		this.environment = environment;
		this.json = json;
	}

	public HttpResponse<String> get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	public HttpResponse<String> delete(String path, String... headers) {
		return send(request(path, headers).DELETE());
	}

	public HttpResponse<String> postJson(String path, String body, String... headers) {
		return send(
				request(path, headers).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> putJson(String path, String body, String... headers) {
		return send(
				request(path, headers).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> post(String path, String contentType, BodyPublisher body) {
		return send(request(path).header("Content-Type", contentType).POST(body));
	}

	public JsonNode json(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path, String... headers) {
		String port = this.environment.getRequiredProperty("local.server.port");
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30));
		return (headers.length > 0) ? builder.headers(headers) : builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return LoopbackHttp.send(this.client, request.build());
	}

}
