package dev.xboxshop.cart.carts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.xboxshop.cart.CartApi;
import dev.xboxshop.cart.CartApi.Reply;
import dev.xboxshop.cart.CatalogStub;
import dev.xboxshop.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Every bad request is answered with its problem and leaves the cart exactly as it was:
 * same lines, and its TTL not refreshed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "shop.cart.catalog-timeout=1500ms")
@RealRedis
class CartBadInputIntegrationTests {

	private static final CatalogStub catalog = CatalogStub.start();

	private static final String ITEM = "/items/" + CatalogStub.CONSOLE;

	@Autowired
	StringRedisTemplate redis;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void catalogUrl(DynamicPropertyRegistry registry) {
		registry.add("shop.cart.inventory-url", catalog::url);
	}

	@AfterAll
	static void stopCatalog() {
		catalog.close();
	}

	static Stream<Arguments> badRequests() {
		String json = "application/json";
		return Stream.of(argumentSet("quantity zero", 400, "invalid-quantity", put(ITEM, json, "{\"quantity\":0}")),
				argumentSet("negative quantity", 400, "invalid-quantity", put(ITEM, json, "{\"quantity\":-1}")),
				argumentSet("over the per-order maximum", 400, "invalid-quantity", put(ITEM, json, "{\"quantity\":3}")),
				argumentSet("fractional quantity", 400, "malformed-request", put(ITEM, json, "{\"quantity\":1.5}")),
				argumentSet("quantity as a string", 400, "malformed-request", put(ITEM, json, "{\"quantity\":\"2\"}")),
				argumentSet("quantity missing", 400, "malformed-request", put(ITEM, json, "{}")),
				argumentSet("broken JSON", 400, "malformed-request", put(ITEM, json, "{\"quantity\":")),
				argumentSet("no body", 400, "malformed-request", put(ITEM, json, "")),
				argumentSet("not JSON", 415, "unsupported-media-type", put(ITEM, "text/plain", "quantity=1")),
				argumentSet("body over 16 KiB", 413, "payload-too-large", put(ITEM, json, padded())),
				argumentSet("chunked body over 16 KiB", 413, "payload-too-large",
						(Function<Call, Reply>) (call) -> call.api.putChunked(call.cart + ITEM, json, padded())),
				argumentSet("unknown sku", 404, "unknown-product", put("/items/NO-SUCH-SKU", json, "{\"quantity\":1}")),
				argumentSet("catalog failing", 503, "warehouse-unavailable",
						put("/items/BROKEN", json, "{\"quantity\":1}")),
				argumentSet("catalog silent", 503, "warehouse-unavailable",
						put("/items/SILENT", json, "{\"quantity\":1}")));
	}

	@ParameterizedTest
	@MethodSource("badRequests")
	void refusesWithAProblemAndChangesNothing(int status, String slug, Function<Call, Reply> request) {
		CartApi api = new CartApi(this.port);
		String cartId = "bad-" + System.nanoTime();
		String key = "cart:{" + cartId + "}";
		assertThat(api.setQuantity(cartId, CatalogStub.CONSOLE, 1).status()).isEqualTo(200);
		this.redis.expire(key, Duration.ofHours(1));

		Reply reply = request.apply(new Call(api, "/api/carts/" + cartId));

		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.problemSlug()).isEqualTo(slug);
		assertThat(reply.json().path("status").asInt()).isEqualTo(status);
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(this.redis.opsForHash().entries(key)).isEqualTo(Map.of(CatalogStub.CONSOLE, "1"));
		assertThat(this.redis.getExpire(key, TimeUnit.SECONDS)).isLessThanOrEqualTo(3600);
	}

	@Test
	void refusesACartIdThatIsNotLettersDigitsAndDashes() {
		CartApi api = new CartApi(this.port);
		for (String cartId : new String[] { "has_underscore", "x".repeat(65), "dot.ted", "sp%20ace", "%7Bbrace%7D" }) {
			Reply put = api.setQuantity(cartId, CatalogStub.CONSOLE, 1);
			assertThat(put.status()).as(cartId).isEqualTo(400);
			assertThat(put.contentType()).startsWith("application/problem+json");
			assertThat(put.problemSlug()).isEqualTo("malformed-request");
			assertThat(api.get("/api/carts/" + cartId).status()).as(cartId).isEqualTo(400);
			assertThat(this.redis.keys("cart:*" + cartId.substring(0, 3) + "*")).isEmpty();
		}
	}

	private static Function<Call, Reply> put(String itemPath, String contentType, String body) {
		return (call) -> call.api.put(call.cart + itemPath, contentType, body);
	}

	/** Valid JSON, only too long: the size alone must be the reason for refusal. */
	private static String padded() {
		return "{\"quantity\":1" + " ".repeat(17 * 1024) + "}";
	}

	record Call(CartApi api, String cart) {
	}

}
