package dev.xboxshop.web.lab;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StandInGateway.Recorded;
import dev.xboxshop.web.StorefrontTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lab's launch rush against the stand-in gateway (the test settings: 20 buyers in 500
 * ms).
 */
class LaunchRushTests extends StorefrontTestSupport {

	@Test
	void rushSendsBoundedNewBuyersOfTheLaunchItemInTheCurrentMode() throws Exception {
		this.gateway.answer("GET", "/api/admin/checkout-mode", 200, "{\"mode\":\"async\"}");
		this.gateway.answer("POST", "/api/orders", 202, StandInGateway.order("o-1", "ACCEPTED", "async", null));
		Cookie operator = operator();

		this.mvc.perform(post("/lab/rush").cookie(operator).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=rush-started"));
		awaitRushDone(operator);

		List<Recorded> checkouts = this.gateway.requests("POST", "/api/orders");
		assertThat(checkouts).hasSize(20);
		assertThat(checkouts).allSatisfy((checkout) -> {
			assertThat(checkout.header("X-Checkout-Mode")).isEqualTo("async");
			assertThat(checkout.body()).contains("\"sku\":\"XBOX-SERIES-X\"", "\"quantity\":1");
		});
		assertThat(checkouts.stream().map((c) -> c.header("Idempotency-Key")).distinct()).hasSize(20);
		assertThat(checkouts.stream().map((c) -> c.header("X-Forwarded-For")).distinct()).hasSize(20);
		assertThat(checkouts.stream().map(Recorded::body).distinct()).as("a new customer each").hasSize(20);
		List<Recorded> identities = this.gateway.requests("POST", "/api/identity");
		assertThat(identities).as("a customer token each, from the buyer's address").hasSize(20);
		assertThat(identities.stream().map((identity) -> identity.header("X-Forwarded-For")))
			.containsExactlyInAnyOrderElementsOf(checkouts.stream().map((c) -> c.header("X-Forwarded-For")).toList());
		assertThat(checkouts).allSatisfy((checkout) -> assertThat(checkout.header("Authorization"))
			.isEqualTo("Bearer " + StandInGateway.token(StandInGateway.NEW_CUSTOMER)));
		this.mvc.perform(get("/lab/live").cookie(operator))
			.andExpect(jsonPath("$.rush.mode").value("async"))
			.andExpect(jsonPath("$.rush.sent").value(20))
			.andExpect(jsonPath("$.rush.outcomes.accepted").value(20))
			.andExpect(jsonPath("$.latency.async.count").value(20))
			.andExpect(jsonPath("$.latency.async.p99Ms").isNumber());
	}

	@Test
	void theLatencyBarsOfAModeShowItsLastRushAlone() throws Exception {
		this.gateway.answer("POST", "/api/orders", 201, StandInGateway.order("o-1", "CONFIRMED", "sync", null));
		Cookie operator = operator();

		for (int rush = 0; rush < 2; rush++) {
			this.mvc.perform(post("/lab/rush").cookie(operator).with(csrf()))
				.andExpect(redirectedUrl("/lab?notice=rush-started"));
			awaitRushDone(operator);
		}

		this.mvc.perform(get("/lab/live").cookie(operator)).andExpect(jsonPath("$.latency.sync.count").value(20));
	}

	@Test
	void oneRushAtATimeAndNoResetWhileItRuns() throws Exception {
		// every checkout waits, so the first rush is still running
		this.gateway.answer("POST", "/api/orders", 201, StandInGateway.order("o-1", "CONFIRMED", "sync", null));
		this.gateway.delay("POST", "/api/orders", Duration.ofSeconds(30));
		Cookie operator = operator();
		this.mvc.perform(post("/lab/rush").cookie(operator).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=rush-started"));

		this.mvc.perform(post("/lab/rush").cookie(operator).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=rush-running"));
		this.mvc.perform(post("/lab/reset").cookie(operator).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=rush-running"));

		assertThat(this.gateway.requests("PUT", "/api/admin/chaos")).isEmpty();
		this.gateway.reset();
		awaitRushDone(operator);
	}

	@Test
	void rushNeedsTheOperatorAndTheCsrfToken() throws Exception {
		this.mvc.perform(post("/lab/rush").with(csrf())).andExpect(redirectedUrl("/lab/login"));
		this.mvc.perform(post("/lab/rush").cookie(operator())).andExpect(status().isForbidden());

		assertThat(this.gateway.requests("POST", "/api/orders")).isEmpty();
	}

	private void awaitRushDone(Cookie operator) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/lab/live").cookie(operator))
				.andExpect(jsonPath("$.rush.running").value(false)));
	}

}
