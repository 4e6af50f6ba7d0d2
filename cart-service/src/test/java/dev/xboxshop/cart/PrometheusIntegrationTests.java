package dev.xboxshop.cart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.xboxshop.testsupport.PrometheusScrape;
import dev.xboxshop.testsupport.RealRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} after a real cart change: requests are counted by route
 * template, never by cart id.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealRedis
class PrometheusIntegrationTests {

	private static final CatalogStub catalog = CatalogStub.start();

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

	@Test
	void countsCartRequestsByRouteNeverByCart() {
		String cartId = "c-metrics-" + System.nanoTime();

		assertThat(new CartApi(this.port).setQuantity(cartId, CatalogStub.CONSOLE, 1).status()).isEqualTo(200);

		PrometheusScrape scrape = PrometheusScrape.of(this.port);
		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.valueOrZero("http_server_requests_seconds_count", "uri", "/api/carts/{cartId}/items/{sku}",
				"method", "PUT", "status", "200"))
			.isGreaterThanOrEqualTo(1);
		assertThat(scrape.body()).doesNotContain(cartId);
	}

}
