package dev.xboxshop.web.security;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StorefrontTestSupport;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class FormAndLabSecurityTests extends StorefrontTestSupport {

	@Test
	void rejectsAFormPostWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/cart/items").param("sku", StandInGateway.SKU).cookie(shopper()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/checkout").param("idempotencyKey", "8a6f4c1e-2b9d-4f3a-9c7e-5d1b2a3c4e5f")
				.param("line", "XBOX-SERIES-X:1")
				.cookie(shopper()))
			.andExpect(status().isForbidden());

		assertThat(this.gateway.requests()).isEmpty();
	}

	@Test
	void putsACsrfTokenIntoEveryForm() throws Exception {
		String page = this.mvc.perform(get("/").cookie(shopper()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"buy-form\"").containsPattern("name=\"_csrf\" value=\"[^\"]+\"");
	}

	@Test
	void sendsTheLabToTheLoginWithoutTheOperatorCookie() throws Exception {
		this.mvc.perform(get("/lab")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/lab/login"));
		this.mvc.perform(post("/lab/mode").param("mode", "async").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/lab/login"));

		assertThat(this.gateway.requests("PUT", "/api/admin/checkout-mode")).isEmpty();
	}

	@Test
	void refusesAWrongToken() throws Exception {
		MvcResult result = this.mvc.perform(post("/lab/login").param("token", "guess").with(csrf()))
			.andExpect(status().isUnauthorized())
			.andReturn();

		assertThat(result.getResponse().getHeaders("Set-Cookie")).noneMatch((c) -> c.startsWith("shop_operator="));
		assertThat(result.getResponse().getContentAsString())
			.containsPattern("id=\"message\"[^>]*>That operator token");
	}

	@Test
	void refusesAForgedOperatorCookie() throws Exception {
		this.mvc.perform(get("/lab").cookie(new Cookie(OperatorSession.COOKIE, "9999999999.forged")))
			.andExpect(redirectedUrl("/lab/login"));
	}

	@Test
	void theTokenOpensTheLabWithoutEverReachingTheBrowser() throws Exception {
		Cookie operator = logIn();

		assertThat(operator.getValue()).doesNotContain(StandInGateway.TOKEN);
		assertThat(operator.isHttpOnly()).isTrue();
		String page = this.mvc.perform(get("/lab").cookie(operator))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"mode-form\"", "name=\"mode\"", "id=\"mode-submit\"", "id=\"chaos-form\"",
				"id=\"stock-form\"", "id=\"audit-verdict\"");
		assertThat(page).doesNotContain(StandInGateway.TOKEN);
	}

	@Test
	void labFormsReachTheGatewayWithTheOperatorToken() throws Exception {
		Cookie operator = logIn();

		this.mvc.perform(post("/lab/mode").param("mode", "async").cookie(operator).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=mode-switched"));
		this.gateway.answer("PUT", "/api/admin/inventory/" + StandInGateway.SKU + "/stock", 200, "{}");
		this.mvc.perform(post("/lab/stock").param("available", "250").cookie(operator).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=stock-set"));
		this.mvc
			.perform(post("/lab/chaos").param("extraLatencyMs", "800")
				.param("errorRate", "0.25")
				.param("down", "on")
				.cookie(operator)
				.with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=chaos-set"));

		assertThat(this.gateway.requests("PUT", "/api/admin/checkout-mode")).singleElement().satisfies((request) -> {
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + StandInGateway.TOKEN);
			assertThat(request.body()).isEqualTo("{\"mode\":\"async\"}");
		});
		assertThat(this.gateway.requests("PUT", "/api/admin/inventory/" + StandInGateway.SKU + "/stock"))
			.singleElement()
			.satisfies((request) -> assertThat(request.body()).isEqualTo("{\"available\":250}"));
		assertThat(this.gateway.requests("PUT", "/api/admin/chaos")).singleElement()
			.satisfies((request) -> assertThat(request.body()).contains("\"extraLatencyMs\":800")
				.contains("\"errorRate\":0.25")
				.contains("\"down\":true"));
	}

	@Test
	void anUnknownModeChangesNothing() throws Exception {
		this.mvc.perform(post("/lab/mode").param("mode", "yolo").cookie(logIn()).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=invalid-input"));

		assertThat(this.gateway.requests("PUT", "/api/admin/checkout-mode")).isEmpty();
	}

	private Cookie logIn() throws Exception {
		Cookie cookie = this.mvc.perform(post("/lab/login").param("token", StandInGateway.TOKEN).with(csrf()))
			.andExpect(redirectedUrl("/lab"))
			.andReturn()
			.getResponse()
			.getCookie(OperatorSession.COOKIE);
		assertThat(cookie).isNotNull();
		return cookie;
	}

}
