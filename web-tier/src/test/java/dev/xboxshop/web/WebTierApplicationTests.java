package dev.xboxshop.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class WebTierApplicationTests extends StorefrontTestSupport {

	@LocalServerPort
	int port;

	@Test
	void reportsHealthUp() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"UP\"");
	}

	@Test
	void servesTheXboxPicture() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/images/xbox-series-x.svg"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("image/svg+xml"));
		assertThat(response.body()).contains("<svg");
	}

	@Test
	void titlesTheMissingPageAfterItsHeading() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/nope"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<title>Page not found | X-Box Launch Shop</title>")
			.contains("<h1>Page not found</h1>");
	}

	@Test
	void theNotAllowedPageLeadsBackToThePageTheShopperCameFrom() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/cart/items"))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Referer", "http://localhost:" + this.port + "/cart?notice=added")
				.POST(HttpRequest.BodyPublishers.ofString("sku=XBOX-SERIES-X"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<title>Not allowed | X-Box Launch Shop</title>")
			.containsPattern("id=\"back\"[^>]*href=\"/cart\"");
	}

	@Test
	void neverLeadsBackOffTheShop() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/nope"))
				.header("Accept", "text/html")
				.header("Referer", "https://evil.example/phish")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).containsPattern("id=\"back\"[^>]*href=\"/\"");
	}

}
