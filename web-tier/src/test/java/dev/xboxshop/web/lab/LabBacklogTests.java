package dev.xboxshop.web.lab;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StorefrontTestSupport;
import dev.xboxshop.web.security.OperatorSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class LabBacklogTests extends StorefrontTestSupport {

	@Test
	void showsTheAsyncBacklogAndWhenOrdersAreTurnedAway() throws Exception {
		this.gateway.answer("GET", "/api/backlog", 200, "{\"inFlight\":4200,\"bookedPerSecond\":95.5,"
				+ "\"oldestWaitMs\":31000,\"projectedWaitMs\":44000,\"shedAfterMs\":30000,\"shedding\":true}");

		String figures = this.mvc.perform(get("/lab/figures").cookie(logIn()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(figures).containsPattern("id=\"lab-backlog\"[^>]*>4200 waiting")
			.contains("96 booked/s, about 44 s to confirm; turning async orders away (busy)");
	}

	@Test
	void rendersTheLabWhenTheBacklogCannotBeRead() throws Exception {
		this.gateway.answer("GET", "/api/backlog", 503, "{\"type\":\"about:blank\",\"status\":503}");

		String lab = this.mvc.perform(get("/lab").cookie(logIn())).andReturn().getResponse().getContentAsString();

		assertThat(lab).contains("backlog unavailable").contains("id=\"audit-verdict\"");
	}

	private Cookie logIn() throws Exception {
		return this.mvc.perform(post("/lab/login").param("token", StandInGateway.TOKEN).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie(OperatorSession.COOKIE);
	}

}
