package dev.xboxshop.inventory.web;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.xboxshop.inventory.Http;
import dev.xboxshop.inventory.InventoryIntegrationTest;
import dev.xboxshop.inventory.TestProducts;
import dev.xboxshop.inventory.catalog.StockLevel;

import static dev.xboxshop.testsupport.http.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad reservation request gets its documented problem and changes nothing.
 */
@InventoryIntegrationTest
class BadInputIntegrationTests {

	private static final String ORDER = "ord-bad-input";

	@Autowired
	private Http http;

	@Autowired
	private TestProducts products;

	@Autowired
	private Environment environment;

	private String sku;

	@BeforeEach
	void createProduct() {
		this.sku = this.products.create(10, 2);
	}

	static Stream<Arguments> badReservations() {
		return Stream.of(bad("unknown sku", 404, "unknown-product", (sku) -> body(ORDER, "NO-SUCH-SKU", "1")),
				bad("zero quantity", 400, "invalid-quantity", (sku) -> body(ORDER, sku, "0")),
				bad("negative quantity", 400, "invalid-quantity", (sku) -> body(ORDER, sku, "-1")),
				bad("quantity above maxPerOrder", 400, "invalid-quantity", (sku) -> body(ORDER, sku, "3")),
				bad("fractional quantity", 400, "malformed-request", (sku) -> body(ORDER, sku, "1.5")),
				bad("quantity as text", 400, "malformed-request", (sku) -> body(ORDER, sku, "\"one\"")),
				bad("quantity beyond int", 400, "malformed-request", (sku) -> body(ORDER, sku, "99999999999")),
				bad("unreadable JSON", 400, "malformed-request", (sku) -> "{\"orderId\": \"" + ORDER + "\", \"sku\""),
				bad("empty body", 400, "malformed-request", (sku) -> ""),
				bad("JSON array", 400, "malformed-request", (sku) -> "[1,2]"),
				bad("missing quantity", 400, "malformed-request",
						(sku) -> "{\"orderId\":\"" + ORDER + "\",\"sku\":\"" + sku + "\"}"),
				bad("missing orderId", 400, "malformed-request", (sku) -> "{\"sku\":\"" + sku + "\",\"quantity\":1}"),
				bad("orderId with spaces", 400, "malformed-request", (sku) -> body("ord bad", sku, "1")));
	}

	private static Arguments bad(String name, int status, String slug, Function<String, String> body) {
		return Arguments.of(name, status, slug, body);
	}

	private static String body(String orderId, String sku, String quantity) {
		return "{\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badReservations")
	void rejectsBadReservationWithItsProblemAndChangesNothing(String name, int status, String slug,
			Function<String, String> body) {
		StockLevel before = this.products.level(this.sku);

		assertProblem(this.http.postJson("/api/reservations", body.apply(this.sku)), status, slug);

		assertNothingChanged(before);
	}

	@Test
	void rejectsABodyThatIsNotJsonWith415() {
		StockLevel before = this.products.level(this.sku);

		assertProblem(
				this.http.post("/api/reservations", "text/plain", BodyPublishers.ofString(body(ORDER, this.sku, "1"))),
				415, "unsupported-media-type");

		assertNothingChanged(before);
	}

	@Test
	void rejectsABodyLargerThan16KiBWith413() {
		StockLevel before = this.products.level(this.sku);
		String padded = "{\"orderId\":\"" + ORDER + "\",\"sku\":\"" + this.sku + "\",\"quantity\":1,\"pad\":\""
				+ "x".repeat(17 * 1024) + "\"}";

		assertProblem(this.http.postJson("/api/reservations", padded), 413, "payload-too-large");
		assertProblem(
				this.http.post("/api/reservations", "application/json",
						BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded.getBytes()))),
				413, "payload-too-large");

		assertNothingChanged(before);
	}

	@Test
	void answersUnknownPathsAndMethodsWithProblems() {
		assertProblem(this.http.get("/api/no-such-thing"), 404, "not-found");
		assertProblem(this.http.get("/api/products/NO-SUCH-SKU"), 404, "unknown-product");
		HttpResponse<String> wrongMethod = this.http.putJson("/api/reservations", body(ORDER, this.sku, "1"));
		assertProblem(wrongMethod, 405, "method-not-allowed");
	}

	@Test
	void answersARequestTheServletContainerRejectsWithAProblem() throws Exception {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream()
				.write("GET /api/products/% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(response).startsWith("HTTP/1.1 400")
				.containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"type\":\"https://xbox-shop.example/problems/malformed-request\"")
				.doesNotContain("<html");
		}
	}

	private void assertNothingChanged(StockLevel before) {
		assertThat(this.products.level(this.sku)).isEqualTo(before);
		assertProblem(this.http.get("/api/reservations/" + ORDER), 404, "not-found");
	}

}
