package dev.xboxshop.order.inventory;

import java.net.http.HttpClient;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one way this service builds an HTTP client for inventory-service: HTTP/1.1, and
 * every connect and read bounded by the caller's timeout, and every call observed (a
 * client span, and the W3C {@code traceparent} that continues the trace in inventory).
 */
public final class InventoryHttp {

	private InventoryHttp() {
	}

	public static RestClient restClient(String baseUrl, Duration timeout, ObservationRegistry observations) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
		requestFactory.setReadTimeout(timeout);
		return RestClient.builder()
			.baseUrl(baseUrl)
			.requestFactory(requestFactory)
			.observationRegistry(observations)
			.build();
	}

}
