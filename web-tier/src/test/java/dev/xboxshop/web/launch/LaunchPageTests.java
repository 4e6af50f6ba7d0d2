package dev.xboxshop.web.launch;

import java.time.Duration;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StorefrontTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LaunchPageTests extends StorefrontTestSupport {

	/**
	 * The part timeout is 1 s in these tests; a page waits for no part longer than that.
	 */
	@Test
	void rendersProductPriceStockAndMode() throws Exception {
		String page = launchPage().getResponse().getContentAsString();

		assertThat(page).contains("id=\"product-name\">X-Box Series X<");
		assertThat(page).contains("id=\"product-price\">$499.99<");
		assertThat(page).contains("data-available=\"42\"").contains(">42 left<");
		assertThat(page).containsPattern("id=\"checkout-mode\"[^>]*>sync<");
		assertThat(page).contains("id=\"buy\"").contains("src=\"/images/xbox-series-x.svg\"");
	}

	@Test
	void disablesBuyWhileTheConsoleIsSoldOut() throws Exception {
		this.gateway.answer("GET", "/api/products/" + StandInGateway.SKU, 200, StandInGateway.product(0));

		String page = launchPage().getResponse().getContentAsString();

		assertThat(page).containsPattern("<button id=\"buy\"[^>]*disabled=\"disabled\"[^>]*>Sold out<");
	}

	@Test
	void readsTheModeWithTheOperatorTokenButNeverShowsIt() throws Exception {
		String page = launchPage().getResponse().getContentAsString();

		assertThat(this.gateway.requests("GET", "/api/admin/checkout-mode")).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization"))
				.isEqualTo("Bearer " + StandInGateway.TOKEN));
		assertThat(page).doesNotContain(StandInGateway.TOKEN);
	}

	@Test
	void asksCartAndOrdersForThisShopper() throws Exception {
		launchPage();

		assertThat(this.gateway.requests("GET", "/api/carts/" + CUSTOMER)).hasSize(1);
		assertThat(this.gateway.requests("GET", "/api/orders")).singleElement().satisfies((request) -> {
			assertThat(request.query()).isEqualTo("customerId=" + CUSTOMER);
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + StandInGateway.token(CUSTOMER));
		});
		assertThat(this.gateway.requests("POST", "/api/identity")).as("a known shopper needs no new identity")
			.isEmpty();
	}

	@Test
	void listsEveryPartAndTheCriticalPathInServerTiming() throws Exception {
		MvcResult result = launchPage();

		String timing = result.getResponse().getHeader("Server-Timing");
		assertThat(timing).contains("product;dur=", "cart;dur=", "orders;dur=", "mode;dur=", "total;dur=")
			.containsPattern("critical;desc=\"(product|cart|orders|mode)\"");
		assertThat(result.getResponse().getContentAsString()).contains("id=\"critical-path\"")
			.contains("id=\"timing-product\"");
	}

	@Test
	void showsLastKnownStockLabelledStaleWhenInventoryIsLate() throws Exception {
		launchPage();
		this.gateway.answer("GET", "/api/products/" + StandInGateway.SKU, 200, StandInGateway.product(7));
		this.gateway.delay("GET", "/api/products/" + StandInGateway.SKU, Duration.ofSeconds(5));

		MvcResult result = launchPage();

		// the page came while the product read was still held: it did not wait for it
		assertThat(this.gateway.held()).isEqualTo(1);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains(">42 left<")
			.contains("data-stale=\"true\"")
			.contains("may be stale")
			.contains("as of");
		assertThat(page).contains("id=\"product-price\">$499.99<");
		assertThat(result.getResponse().getHeader("Server-Timing")).contains("desc=\"timeout\"")
			.contains("critical;desc=\"product\"");
	}

	@Test
	void showsCartAndOrdersUnavailableWhenTheyAreLate() throws Exception {
		this.gateway.delay("GET", "/api/carts/*", Duration.ofSeconds(5));
		this.gateway.delay("GET", "/api/orders", Duration.ofSeconds(5));

		String page = launchPage().getResponse().getContentAsString();

		// the page came while the cart and orders reads were still held
		assertThat(this.gateway.held()).isEqualTo(2);
		assertThat(page).contains("id=\"cart-unavailable\"").contains("Cart unavailable");
		assertThat(page).contains("id=\"orders-unavailable\"").contains("Orders unavailable");
		assertThat(page).contains(">42 left<");
	}

	@Test
	void passesTheShoppersAddressOnSoTheGatewayLimitsShoppersNotTheWebTier() throws Exception {
		this.mvc.perform(get("/").cookie(shopper()).header("X-Forwarded-For", "203.0.113.7"))
			.andExpect(status().isOk());

		assertThat(this.gateway.requests()).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((request) -> assertThat(request.header("X-Forwarded-For")).isEqualTo("203.0.113.7"));
	}

	@Test
	void showsTheModeAsUnknownWhenTheGatewayRefusesIt() throws Exception {
		this.gateway.answer("GET", "/api/admin/checkout-mode", 401,
				StandInGateway.problem("unauthorized", 401, "no token"));

		String page = launchPage().getResponse().getContentAsString();

		assertThat(page).containsPattern("id=\"checkout-mode\"[^>]*>unknown<");
	}

	@Test
	void stockFragmentRefreshesTheCount() throws Exception {
		this.gateway.answer("GET", "/api/products/" + StandInGateway.SKU, 200, StandInGateway.product(3));

		MvcResult result = this.mvc.perform(get("/fragments/stock").cookie(shopper()))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(result.getResponse().getContentAsString()).contains("id=\"stock-left\"")
			.contains(">3 left<")
			.doesNotContain("<html");
		assertThat(result.getResponse().getHeader("Server-Timing")).contains("product;dur=");
	}

	@Test
	void givesANewShopperACustomerCookie() throws Exception {
		MvcResult result = this.mvc.perform(get("/").header("X-Forwarded-For", "203.0.113.8"))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(this.gateway.requests("POST", "/api/identity")).singleElement()
			.satisfies((request) -> assertThat(request.header("X-Forwarded-For")).isEqualTo("203.0.113.8"));
		assertThat(this.gateway.requests("GET", "/api/orders")).singleElement()
			.satisfies((request) -> assertThat(request.header("Authorization"))
				.isEqualTo("Bearer " + StandInGateway.token(StandInGateway.NEW_CUSTOMER)));
		assertThat(result.getResponse().getHeaders("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.contains("shop_customer=" + StandInGateway.token(StandInGateway.NEW_CUSTOMER))
			.contains("HttpOnly")
			.contains("SameSite=Lax"));
	}

	private MvcResult launchPage() throws Exception {
		return this.mvc.perform(get("/").cookie(shopper())).andExpect(status().isOk()).andReturn();
	}

}
