package dev.xboxshop.cart;

import dev.xboxshop.testsupport.RealServers;
import dev.xboxshop.testsupport.RedisServerHandle;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cart lives in Redis, not in the service: it outlives the process that wrote it.
 */
class CartRestartIntegrationTests {

	@Test
	void cartSurvivesARestartOfTheService() {
		RedisServerHandle redis = RealServers.redis();
		String cartId = "restart-" + System.nanoTime();
		try (CatalogStub catalog = CatalogStub.start()) {
			JsonNode before;
			try (ConfigurableApplicationContext first = start(redis, catalog)) {
				CartApi api = new CartApi(port(first));
				assertThat(api.setQuantity(cartId, CatalogStub.CONSOLE, 2).status()).isEqualTo(200);
				CartApi.Reply put = api.setQuantity(cartId, CatalogStub.PAD, 1);
				assertThat(put.status()).as(put.body()).isEqualTo(200);
				before = put.json();
			}
			try (ConfigurableApplicationContext second = start(redis, catalog)) {
				JsonNode after = new CartApi(port(second)).get("/api/carts/" + cartId).json();
				assertThat(after.path("items")).isEqualTo(before.path("items"));
				assertThat(after.path("totalCents").asLong()).isEqualTo(2 * 49900 + 5999);
			}
		}
	}

	private static ConfigurableApplicationContext start(RedisServerHandle redis, CatalogStub catalog) {
		// command-line arguments, so they win over application.yml as a launcher's would
		return new SpringApplicationBuilder(CartServiceApplication.class).run("--server.port=0",
				"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port(),
				"--shop.cart.inventory-url=" + catalog.url());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
