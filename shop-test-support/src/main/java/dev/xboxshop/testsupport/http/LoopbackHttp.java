package dev.xboxshop.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * A plain JDK HTTP client for a server on a loopback port, so a test sends exactly the
 * bytes and headers a real caller would and reads the answer as text. The modules' own
 * API clients (cart, order, inventory, the gateway's edge) build their requests on it.
 */
public final class LoopbackHttp {

	private final HttpClient client;

	private final String baseUrl;

	public LoopbackHttp(String baseUrl) {
		this(baseUrl,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5))
					.build());
	}

	public LoopbackHttp(String baseUrl, HttpClient client) {
		this.baseUrl = baseUrl;
		this.client = client;
	}

	/** For a server on this loopback port. */
	public static LoopbackHttp port(int port) {
		return new LoopbackHttp("http://127.0.0.1:" + port);
	}

	/**
	 * A request to the path, with a generous timeout so a stuck server fails the test.
	 */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		return send(this.client, request.build());
	}

	public HttpClient client() {
		return this.client;
	}

	/**
	 * Sends and reads the body as text; I/O failures and interrupts become unchecked, so
	 * tests read as the calls they make.
	 */
	public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		return send(client, request, BodyHandlers.ofString());
	}

	/** {@link #send(HttpClient, HttpRequest)} with any body handler (a stream, say). */
	public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return client.send(request, body);
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
