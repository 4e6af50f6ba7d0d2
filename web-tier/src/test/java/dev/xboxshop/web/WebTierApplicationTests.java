package dev.xboxshop.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
	void answersAClientThatDoesNotAskForHtmlWithAProblem() throws Exception {
		HttpResponse<String> response = send(page("/nope").setHeader("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"type\":\"https://xbox-shop.example/problems/not-found\"")
			.contains("\"status\":404")
			.doesNotContain("timestamp");
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

	@Test
	void aLabFormStillWorksAfterTheLiveFiguresWereRefreshed() throws Exception {
		// a real cookie jar, as a browser keeps one (MockMvc's csrf() support replaces
		// the token repository, so only real HTTP shows the cookie's life)
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = browser.send(page("/lab/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> loggedIn = browser.send(
				form("/lab/login", "_csrf=" + csrfField(login) + "&token=" + StandInGateway.TOKEN),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		String formToken = csrfField(browser.send(page("/lab").build(), HttpResponse.BodyHandlers.ofString()).body());

		// the page re-fetches its figures every couple of seconds while the operator
		// reads
		for (int refresh = 0; refresh < 3; refresh++) {
			assertThat(browser.send(page("/lab/figures").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(200);
		}
		HttpResponse<String> switched = browser.send(form("/lab/mode", "_csrf=" + formToken + "&mode=async"),
				HttpResponse.BodyHandlers.ofString());

		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/lab?notice=mode-switched"));
		assertThat(this.gateway.requests("PUT", "/api/admin/checkout-mode")).hasSize(1);
	}

	private HttpRequest form(String path, String body) {
		return page(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String csrfField(String page) {
		Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(field.find()).as("a CSRF field in the page").isTrue();
		return URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
	}

	/** A browser's request for a page of the storefront. */
	private HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html");
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
