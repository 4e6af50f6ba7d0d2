package dev.xboxshop.cart.carts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.xboxshop.cart.CartApi;
import dev.xboxshop.cart.CartApi.Reply;
import dev.xboxshop.cart.CatalogStub;
import dev.xboxshop.testsupport.PrometheusScrape;
import dev.xboxshop.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealRedis
class CartIntegrationTests {

	private static final CatalogStub catalog = CatalogStub.start();

	private static final Duration SEVEN_DAYS = Duration.ofDays(7);

	@Autowired
	StringRedisTemplate redis;

	@LocalServerPort
	int port;

	CartApi api;

	String cartId;

	@DynamicPropertySource
	static void catalogUrl(DynamicPropertyRegistry registry) {
		registry.add("shop.cart.inventory-url", catalog::url);
	}

	@AfterAll
	static void stopCatalog() {
		catalog.close();
	}

	@BeforeEach
	void newCart() {
		this.api = new CartApi(this.port);
		this.cartId = "c-" + System.nanoTime();
	}

	@Test
	void keepsItemsPricedFromTheCatalogInRedisWithASevenDayTtl() {
		assertThat(this.api.setQuantity(this.cartId, CatalogStub.CONSOLE, 2).status()).isEqualTo(200);
		Reply put = this.api.setQuantity(this.cartId, CatalogStub.PAD, 3);
		assertThat(put.status()).isEqualTo(200);

		Reply get = this.api.get("/api/carts/" + this.cartId);
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.contentType()).startsWith("application/json");
		JsonNode cart = get.json();
		assertThat(cart.path("cartId").asString()).isEqualTo(this.cartId);
		assertThat(cart.path("items")).hasSize(2);
		JsonNode console = cart.path("items").get(0);
		assertThat(console.path("sku").asString()).isEqualTo(CatalogStub.CONSOLE);
		assertThat(console.path("name").asString()).isEqualTo("X-Box One Launch Edition");
		assertThat(console.path("unitPriceCents").asLong()).isEqualTo(49900);
		assertThat(console.path("quantity").asInt()).isEqualTo(2);
		assertThat(console.path("lineTotalCents").asLong()).isEqualTo(99800);
		assertThat(cart.path("totalCents").asLong()).isEqualTo(99800 + 3 * 5999);
		assertThat(put.json().path("items")).isEqualTo(cart.path("items"));

		String key = "cart:{" + this.cartId + "}";
		assertThat(this.redis.opsForHash().entries(key))
			.isEqualTo(Map.of(CatalogStub.CONSOLE, "2", CatalogStub.PAD, "3"));
		Duration ttl = Duration.ofSeconds(this.redis.getExpire(key, TimeUnit.SECONDS));
		assertThat(ttl).isBetween(SEVEN_DAYS.minusMinutes(1), SEVEN_DAYS);
		Instant expiresAt = Instant.parse(cart.path("expiresAt").asString());
		assertThat(expiresAt).isBetween(Instant.now().plus(SEVEN_DAYS).minusSeconds(60),
				Instant.now().plus(SEVEN_DAYS));
	}

	@Test
	void refreshesTheTtlOnEveryWrite() {
		this.api.setQuantity(this.cartId, CatalogStub.CONSOLE, 1);
		String key = "cart:{" + this.cartId + "}";
		this.redis.expire(key, Duration.ofMinutes(5));

		this.api.setQuantity(this.cartId, CatalogStub.PAD, 1);
		assertThat(this.redis.getExpire(key, TimeUnit.SECONDS)).isGreaterThan(SEVEN_DAYS.minusMinutes(1).toSeconds());

		this.redis.expire(key, Duration.ofMinutes(5));
		this.api.delete("/api/carts/" + this.cartId + "/items/" + CatalogStub.PAD);
		assertThat(this.redis.getExpire(key, TimeUnit.SECONDS)).isGreaterThan(SEVEN_DAYS.minusMinutes(1).toSeconds());
	}

	@Test
	void replacesTheQuantityOfALineRatherThanAddingToIt() {
		this.api.setQuantity(this.cartId, CatalogStub.PAD, 3);
		JsonNode cart = this.api.setQuantity(this.cartId, CatalogStub.PAD, 1).json();
		assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(1);
		assertThat(cart.path("totalCents").asLong()).isEqualTo(5999);
	}

	@Test
	void removesOneLineThenTheWholeCart() {
		this.api.setQuantity(this.cartId, CatalogStub.CONSOLE, 1);
		this.api.setQuantity(this.cartId, CatalogStub.PAD, 2);

		Reply removed = this.api.delete("/api/carts/" + this.cartId + "/items/" + CatalogStub.CONSOLE);
		assertThat(removed.status()).isEqualTo(200);
		assertThat(removed.json().path("items")).hasSize(1);
		assertThat(removed.json().path("totalCents").asLong()).isEqualTo(2 * 5999);

		assertThat(this.api.delete("/api/carts/" + this.cartId).status()).isEqualTo(204);
		assertThat(this.redis.hasKey("cart:{" + this.cartId + "}")).isFalse();
		assertThat(this.redis.hasKey("cart:{" + this.cartId + "}:lines")).isFalse();
		JsonNode empty = this.api.get("/api/carts/" + this.cartId).json();
		assertThat(empty.path("items")).isEmpty();
		assertThat(empty.path("totalCents").asLong()).isZero();
	}

	@Test
	void rendersTheCartAsAddedWhileTheCatalogIsDown() {
		this.api.setQuantity(this.cartId, CatalogStub.CONSOLE, 2);
		catalog.down(true);
		try {
			Reply get = this.api.get("/api/carts/" + this.cartId);
			Reply add = this.api.setQuantity(this.cartId, CatalogStub.PAD, 1);
			Reply remove = this.api.delete("/api/carts/" + this.cartId + "/items/" + CatalogStub.PAD);

			assertThat(get.status()).isEqualTo(200);
			JsonNode console = get.json().path("items").get(0);
			assertThat(console.path("name").asString()).isEqualTo("X-Box One Launch Edition");
			assertThat(console.path("unitPriceCents").asLong()).isEqualTo(49900);
			assertThat(get.json().path("totalCents").asLong()).isEqualTo(99800);
			// a new line needs the catalog's price: refused, and nothing changed
			assertThat(add.status()).isEqualTo(503);
			assertThat(remove.status()).isEqualTo(200);
			assertThat(remove.json().path("items")).hasSize(1);
		}
		finally {
			catalog.down(false);
		}
	}

	@Test
	void pricesALineStoredBeforeCartsKeptPricesFromTheCatalog() {
		String key = "cart:{" + this.cartId + "}";
		this.redis.opsForHash().put(key, CatalogStub.PAD, "3");

		JsonNode pad = this.api.get("/api/carts/" + this.cartId).json().path("items").get(0);

		assertThat(pad.path("name").asString()).isEqualTo("Wireless Controller");
		assertThat(pad.path("lineTotalCents").asLong()).isEqualTo(3 * 5999);
	}

	@Test
	void answersAnEmptyCartForAnIdNeverSeen() {
		Reply reply = this.api.get("/api/carts/" + this.cartId);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("items")).isEmpty();
		assertThat(reply.json().path("expiresAt").isNull()).isTrue();
		assertThat(this.redis.hasKey("cart:{" + this.cartId + "}")).isFalse();
	}

	@Test
	void countsCartRequestsInPrometheusByRouteNeverByCart() {
		assertThat(this.api.setQuantity(this.cartId, CatalogStub.CONSOLE, 1).status()).isEqualTo(200);

		PrometheusScrape scrape = PrometheusScrape.of(this.port);
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.valueOrZero("http_server_requests_seconds_count", "uri", "/api/carts/{cartId}/items/{sku}",
				"method", "PUT", "status", "200"))
			.isGreaterThanOrEqualTo(1);
		assertThat(scrape.body()).doesNotContain(this.cartId);
	}

}
