package dev.xboxshop.web.cart;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StorefrontTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CartTests extends StorefrontTestSupport {

	private static final String ITEM = "/api/carts/" + CUSTOMER + "/items/" + StandInGateway.SKU;

	@Test
	void buyAddsOneMoreToWhatIsInTheCart() throws Exception {
		this.gateway.answer("GET", "/api/carts/" + CUSTOMER, 200, StandInGateway.cartWithXbox(CUSTOMER, 1));
		this.gateway.answer("PUT", ITEM, 200, StandInGateway.cartWithXbox(CUSTOMER, 2));

		this.mvc.perform(post("/cart/items").param("sku", StandInGateway.SKU).cookie(shopper()).with(csrf()))
			.andExpect(redirectedUrl("/cart?notice=added"));

		assertThat(this.gateway.requests("PUT", ITEM)).singleElement()
			.satisfies((request) -> assertThat(request.body()).isEqualTo("{\"quantity\":2}"));
	}

	@Test
	void quantityZeroRemovesTheItem() throws Exception {
		this.gateway.answer("DELETE", ITEM, 200, StandInGateway.emptyCart(CUSTOMER));

		this.mvc
			.perform(
					post("/cart/items/{sku}", StandInGateway.SKU).param("quantity", "0").cookie(shopper()).with(csrf()))
			.andExpect(redirectedUrl("/cart?notice=removed"));

		assertThat(this.gateway.requests("DELETE", ITEM)).hasSize(1);
	}

	@Test
	void badQuantityChangesNothing() throws Exception {
		this.mvc.perform(
				post("/cart/items/{sku}", StandInGateway.SKU).param("quantity", "-3").cookie(shopper()).with(csrf()))
			.andExpect(redirectedUrl("/cart?notice=invalid-quantity"));

		assertThat(this.gateway.requests()).isEmpty();
	}

	@Test
	void showsTheLimitWhenTheCartRefusesMore() throws Exception {
		this.gateway.answer("PUT", ITEM, 422, StandInGateway.problem("purchase-limit", 422, "max 2"));

		this.mvc.perform(post("/cart/items").param("sku", StandInGateway.SKU).cookie(shopper()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/cart?notice=purchase-limit"));
	}

	@Test
	void namesThePerOrderLimitWhenTheCartRefusesTheQuantity() throws Exception {
		this.gateway.answer("PUT", ITEM, 400,
				StandInGateway.problem("invalid-quantity", 400, "Quantity 9 is not between 1 and 2."));

		String target = this.mvc
			.perform(
					post("/cart/items/{sku}", StandInGateway.SKU).param("quantity", "9").cookie(shopper()).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String page = this.mvc.perform(get(target).cookie(shopper())).andReturn().getResponse().getContentAsString();

		assertThat(target).isEqualTo("/cart?notice=invalid-quantity&limit=2");
		assertThat(page).containsPattern("id=\"message\"[^>]*>You can have at most 2 of this item in one order.<");
	}

}
