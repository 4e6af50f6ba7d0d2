package dev.xboxshop.web.cart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StorefrontTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CheckoutTests extends StorefrontTestSupport {

	private static final Pattern IDEMPOTENCY_KEY = Pattern
		.compile("id=\"idempotency-key\" name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"");

	@BeforeEach
	void xboxInTheCart() {
		this.gateway.answer("GET", "/api/carts/" + CUSTOMER, 200, StandInGateway.cartWithXbox(CUSTOMER, 1));
		this.gateway.answer("DELETE", "/api/carts/" + CUSTOMER, 204, "");
	}

	@Test
	void rendersTheCheckoutFormWithAFreshIdempotencyKey() throws Exception {
		String first = idempotencyKeyOnCartPage();
		String second = idempotencyKeyOnCartPage();

		assertThat(first).isNotEqualTo(second);
		assertThat(cartPage(null)).contains("name=\"line\" value=\"XBOX-SERIES-X:1\"").contains("id=\"place-order\"");
	}

	@Test
	void postsTheIdempotencyKeyAndShowsTheConfirmedOrder() throws Exception {
		this.gateway.answer("POST", "/api/orders", 201, StandInGateway.order("o-201", "CONFIRMED", "sync", null));
		this.gateway.answer("GET", "/api/orders/o-201", 200, StandInGateway.order("o-201", "CONFIRMED", "sync", null));
		String key = idempotencyKeyOnCartPage();

		checkout(key).andExpect(redirectedUrl("/orders/o-201?notice=order-confirmed"));

		assertThat(this.gateway.requests("POST", "/api/orders")).singleElement().satisfies((request) -> {
			assertThat(request.header("Idempotency-Key")).isEqualTo(key);
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + StandInGateway.token(CUSTOMER));
			assertThat(request.body()).contains("\"customerId\":\"" + CUSTOMER + "\"")
				.contains("\"sku\":\"XBOX-SERIES-X\"")
				.contains("\"quantity\":1");
		});
		assertThat(this.gateway.requests("DELETE", "/api/carts/" + CUSTOMER)).hasSize(1);
		String page = this.mvc.perform(get("/orders/o-201").param("notice", "order-confirmed").cookie(shopper()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("id=\"order-status\"[^>]*>CONFIRMED<").contains("Your order is confirmed");
	}

	@Test
	void showsTheAcceptedOrderFor202() throws Exception {
		this.gateway.answer("POST", "/api/orders", 202, StandInGateway.order("o-202", "ACCEPTED", "async", null));
		this.gateway.answer("GET", "/api/orders/o-202", 200, StandInGateway.order("o-202", "ACCEPTED", "async", null));

		checkout(idempotencyKeyOnCartPage()).andExpect(redirectedUrl("/orders/o-202?notice=order-accepted"));

		String page = this.mvc.perform(get("/orders/o-202").cookie(shopper()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("id=\"order-status\"[^>]*>ACCEPTED<")
			.contains("data-events-url=\"/orders/o-202/events\"");
	}

	@Test
	void showsSoldOutFor409() throws Exception {
		this.gateway.answer("POST", "/api/orders", 409, StandInGateway.problem("sold-out", 409, "no stock left"));

		checkout(idempotencyKeyOnCartPage()).andExpect(redirectedUrl("/cart?notice=sold-out"));

		assertThat(cartPage("sold-out")).containsPattern("id=\"message\"[^>]*>Sold out");
		assertThat(this.gateway.requests("DELETE", "/api/carts/" + CUSTOMER)).isEmpty();
	}

	@Test
	void showsThePurchaseLimitFor422() throws Exception {
		this.gateway.answer("POST", "/api/orders", 422, StandInGateway.problem("purchase-limit", 422, "max 2"));

		checkout(idempotencyKeyOnCartPage()).andExpect(redirectedUrl("/cart?notice=purchase-limit"));

		assertThat(cartPage("purchase-limit")).containsPattern("id=\"message\"[^>]*>Purchase limit reached");
	}

	@Test
	void asksToTryAgainWhenTheShopIsBusyOrRateLimited() throws Exception {
		this.gateway.answer("POST", "/api/orders", 503, StandInGateway.problem("warehouse-busy", 503, "full"));
		String key = idempotencyKeyOnCartPage();
		checkout(key).andExpect(redirectedUrl("/cart?notice=busy&retry=" + key));
		assertThat(cartPage("busy")).contains("The shop is busy, try again");

		this.gateway.answer("POST", "/api/orders", 429, StandInGateway.problem("rate-limited", 429, "slow down"));
		checkout(idempotencyKeyOnCartPage()).andExpect(redirectedUrl("/cart?notice=too-many"));
		assertThat(cartPage("too-many")).contains("Too many requests");
	}

	@Test
	void saysTheWarehouseCannotConfirmStockWhenItDoesNotAnswer() throws Exception {
		this.gateway.answer("POST", "/api/orders", 503,
				StandInGateway.problem("warehouse-unavailable", 503, "inventory did not answer"));
		String key = idempotencyKeyOnCartPage();

		checkout(key).andExpect(redirectedUrl("/cart?notice=warehouse-unavailable&retry=" + key));
		assertThat(cartPage("warehouse-unavailable")).contains("The warehouse cannot confirm stock right now")
			.doesNotContain("inventory did not answer");
	}

	@Test
	void offersTheSameKeyAgainWhenTheOutcomeIsUnknownSoTryingAgainBuysOnce() throws Exception {
		this.gateway.answer("POST", "/api/orders", 504, StandInGateway.problem("gateway-timeout", 504, "slow"));
		String key = idempotencyKeyOnCartPage();
		checkout(key).andExpect(redirectedUrl("/cart?notice=busy&retry=" + key));

		String page = this.mvc.perform(get("/cart").param("notice", "busy").param("retry", key).cookie(shopper()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("value=\"" + key + "\"");
		assertThat(idempotencyKeyOnCartPage()).as("a fresh visit gets a fresh key").isNotEqualTo(key);
	}

	@Test
	void aDoubleSubmitSendsTheSameKeyAndBodyTwice() throws Exception {
		this.gateway.answer("POST", "/api/orders", 201, StandInGateway.order("o-1", "CONFIRMED", "sync", null));
		String key = idempotencyKeyOnCartPage();

		checkout(key).andExpect(redirectedUrl("/orders/o-1?notice=order-confirmed"));
		// the first submit emptied the cart; the second still carries the lines it
		// rendered
		this.gateway.answer("GET", "/api/carts/" + CUSTOMER, 200, StandInGateway.emptyCart(CUSTOMER));
		checkout(key).andExpect(redirectedUrl("/orders/o-1?notice=order-confirmed"));

		var posts = this.gateway.requests("POST", "/api/orders");
		assertThat(posts).hasSize(2);
		assertThat(posts.get(1).header("Idempotency-Key")).isEqualTo(posts.get(0).header("Idempotency-Key"));
		assertThat(posts.get(1).body()).isEqualTo(posts.get(0).body());
	}

	@Test
	void refusesACheckoutWithoutAValidKeyAndPlacesNothing() throws Exception {
		this.mvc
			.perform(post("/checkout").param("idempotencyKey", "not-a-key")
				.param("line", "XBOX-SERIES-X:1")
				.cookie(shopper())
				.with(csrf()))
			.andExpect(redirectedUrl("/cart?notice=checkout-expired"));

		assertThat(this.gateway.requests("POST", "/api/orders")).isEmpty();
	}

	private String idempotencyKeyOnCartPage() throws Exception {
		String page = cartPage(null);
		Matcher key = IDEMPOTENCY_KEY.matcher(page);
		assertThat(key.find()).as("checkout form with an idempotency key in %s", page).isTrue();
		return key.group(1);
	}

	private String cartPage(String notice) throws Exception {
		var request = get("/cart").cookie(shopper());
		if (notice != null) {
			request = request.param("notice", notice);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private ResultActions checkout(String key) throws Exception {
		return this.mvc
			.perform(post("/checkout").param("idempotencyKey", key)
				.param("line", "XBOX-SERIES-X:1")
				.cookie(shopper())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

}
