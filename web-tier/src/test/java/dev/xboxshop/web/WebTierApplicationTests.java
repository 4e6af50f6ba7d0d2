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
		HttpResponse<String> response = send(page("/nope"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<title>Page not found | X-Box Launch Shop</title>")
			.contains("<h1>Page not found</h1>");
	}

	@Test
	void theNotAllowedPageLeadsBackToThePageTheShopperCameFrom() throws Exception {
		HttpResponse<String> response = send(
				page("/cart/items").header("Content-Type", "application/x-www-form-urlencoded")
					.header("Referer", "http://localhost:" + this.port + "/cart?notice=added")
					.POST(HttpRequest.BodyPublishers.ofString("sku=XBOX-SERIES-X")));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<title>Not allowed | X-Box Launch Shop</title>")
			.containsPattern("id=\"back\"[^>]*href=\"/cart\"");
	}

	@Test
	void neverLeadsBackOffTheShop() throws Exception {
		HttpResponse<String> response = send(page("/nope").header("Referer", "https://evil.example/phish"));
		assertThat(response.body()).containsPattern("id=\"back\"[^>]*href=\"/\"");
	}

	/** A browser's request for a page of the storefront. */
	private HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
