package dev.xboxshop.web.lab;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StorefrontTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LabLiveTests extends StorefrontTestSupport {

	private static final String AUDIT = """
			{"verdict":"PASS","checkedAt":"2026-11-24T20:00:00Z",
			 "orders":{"total":9,"byStatus":{"CONFIRMED":5,"CANCELLED":3,"ACCEPTED":1},
			           "byMode":{"async":{"CONFIRMED":2,"CANCELLED":3,"ACCEPTED":1},"sync":{"CONFIRMED":3}},
			           "acceptedPastDeadline":0},
			 "skus":[{"sku":"XBOX-SERIES-X","confirmedUnits":6,"inFlightUnits":1},
			         {"sku":"PAD","confirmedUnits":2,"inFlightUnits":0}],
			 "checks":[],"violations":[]}""";

	private static final String PRODUCTS = "[" + StandInGateway.product(42)
			+ ",{\"sku\":\"PAD\",\"name\":\"Pad\",\"priceCents\":5999,\"available\":9,\"maxPerOrder\":4}]";

	@Test
	void auditFiguresCountOrdersByStateApologiesAndRevenueAtCatalogPrices() throws Exception {
		this.gateway.answer("GET", "/api/audit", 200, AUDIT);
		this.gateway.answer("GET", "/api/products", 200, PRODUCTS);

		this.mvc.perform(get("/lab/audit").cookie(operator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verdict").value("PASS"))
			.andExpect(jsonPath("$.healthy").value(true))
			.andExpect(jsonPath("$.byStatus.CONFIRMED").value(5))
			.andExpect(jsonPath("$.byMode.async.CANCELLED").value(3))
			.andExpect(jsonPath("$.apologies").value(3))
			.andExpect(jsonPath("$.confirmedUnits").value(8))
			.andExpect(jsonPath("$.revenueCents").value(6 * 49999 + 2 * 5999));
	}

	@Test
	void revenueIsUnknownRatherThanZeroWhileNoPricesCouldBeRead() throws Exception {
		this.gateway.answer("GET", "/api/audit", 200, AUDIT);
		this.gateway.answer("GET", "/api/products", 503, "{\"status\":503}");

		this.mvc.perform(get("/lab/audit").cookie(operator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confirmedUnits").value(8))
			.andExpect(jsonPath("$.revenueCents").doesNotExist());
	}

	@Test
	void anAuditSlowerThanAPagePartStillReachesTheLab() throws Exception {
		this.gateway.answer("GET", "/api/audit", 200, AUDIT);
		this.gateway.answer("GET", "/api/products", 200, PRODUCTS);
		this.gateway.delay("GET", "/api/audit", Duration.ofMillis(1_500));

		this.mvc.perform(get("/lab/audit").cookie(operator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verdict").value("PASS"));
	}

	@Test
	void liveFiguresSayWhetherChaosIsOnAndWhatResetRestores() throws Exception {
		this.gateway.answer("GET", "/api/admin/chaos", 200, "{\"extraLatencyMs\":0,\"errorRate\":0.0,\"down\":true}");
		Cookie operator = operator();

		this.mvc.perform(get("/lab/live").cookie(operator))
			.andExpect(jsonPath("$.chaosOn").value(true))
			.andExpect(jsonPath("$.chaos.down").value(true))
			.andExpect(jsonPath("$.mode").value("sync"))
			.andExpect(jsonPath("$.available").value(42))
			.andExpect(jsonPath("$.priceCents").value(49999))
			.andExpect(jsonPath("$.backlog.inFlight").value(0))
			.andExpect(jsonPath("$.defaultMode").value("sync"))
			.andExpect(jsonPath("$.demoStock").value(1000));

		this.gateway.answer("GET", "/api/admin/chaos", 200, "{\"extraLatencyMs\":0,\"errorRate\":0.0,\"down\":false}");
		this.mvc.perform(get("/lab/live").cookie(operator)).andExpect(jsonPath("$.chaosOn").value(false));
	}

	@Test
	void theLabShowsTheChaosBannerWhileChaosIsOn() throws Exception {
		this.gateway.answer("GET", "/api/admin/chaos", 200,
				"{\"extraLatencyMs\":250,\"errorRate\":0.0,\"down\":false}");

		String lab = this.mvc.perform(get("/lab").cookie(operator())).andReturn().getResponse().getContentAsString();

		assertThat(lab).containsPattern("id=\"chaos-banner\" class=\"chaos-banner\"[^>]*>")
			.doesNotContainPattern("id=\"chaos-banner\" class=\"chaos-banner is-empty\"")
			.contains("250 ms extra latency")
			.contains("id=\"rush-form\"", "id=\"reset-form\"", "id=\"chart-latency\"", "/js/lab.js");
	}

	@Test
	void theBannerIsHiddenWithoutChaos() throws Exception {
		String lab = this.mvc.perform(get("/lab").cookie(operator())).andReturn().getResponse().getContentAsString();

		assertThat(lab).contains("class=\"chaos-banner is-empty\"");
	}

}
