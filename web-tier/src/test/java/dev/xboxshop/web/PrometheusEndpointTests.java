package dev.xboxshop.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} is open on the web tier's own port (the gateway never
 * routes {@code /actuator/**}); the rest of the actuator stays closed.
 */
class PrometheusEndpointTests extends StorefrontTestSupport {

	@LocalServerPort
	int port;

	@Test
	void countsPageRequestsByRouteInThePrometheusFormat() throws Exception {
		assertThat(get("/").statusCode()).isEqualTo(200);

		HttpResponse<String> scrape = get("/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(scrape.body()).containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/\"[^}]*} ");
	}

	@Test
	void keepsTheRestOfTheActuatorClosed() throws Exception {
		// denied: an anonymous caller is sent to the login page, never shown the endpoint
		HttpResponse<String> env = get("/actuator/env");
		assertThat(env.statusCode()).isNotEqualTo(200);
		assertThat(env.body()).doesNotContain("propertySources");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
