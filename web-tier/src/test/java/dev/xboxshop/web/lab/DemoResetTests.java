package dev.xboxshop.web.lab;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.xboxshop.web.StandInGateway.Answer;
import dev.xboxshop.web.StandInGateway.Recorded;
import dev.xboxshop.web.StorefrontTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

class DemoResetTests extends StorefrontTestSupport {

	private static final String WAITING = "{\"inFlight\":%d,\"bookedPerSecond\":50.0,\"oldestWaitMs\":900,"
			+ "\"projectedWaitMs\":100,\"shedAfterMs\":30000,\"shedding\":false}";

	@BeforeEach
	void inventoryTakesTheStock() {
		this.gateway.answer("PUT", "/api/admin/inventory/XBOX-SERIES-X/stock", 200,
				"{\"sku\":\"XBOX-SERIES-X\",\"available\":1000}");
	}

	@Test
	void resetTurnsChaosOffWaitsForTheBacklogThenRestocksAndSwitchesToTheDefaultMode() throws Exception {
		this.gateway.answer("GET", "/api/backlog", Answer.of(200, WAITING.formatted(7)),
				Answer.of(200, WAITING.formatted(2)), Answer.of(200, WAITING.formatted(0)));
		Cookie operator = operator();

		this.mvc.perform(post("/lab/reset").cookie(operator).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=demo-reset"));

		List<String> steps = this.gateway.requests()
			.stream()
			.filter((request) -> !request.method().equals("GET") || request.path().equals("/api/backlog"))
			.map((request) -> request.method() + " " + request.path())
			.toList();
		assertThat(steps).containsExactly("PUT /api/admin/chaos", "GET /api/backlog", "GET /api/backlog",
				"GET /api/backlog", "PUT /api/admin/inventory/XBOX-SERIES-X/stock", "PUT /api/admin/checkout-mode");
		assertThat(body("PUT", "/api/admin/chaos")).contains("\"extraLatencyMs\":0", "\"errorRate\":0.0",
				"\"down\":false");
		assertThat(body("PUT", "/api/admin/inventory/XBOX-SERIES-X/stock")).isEqualTo("{\"available\":1000}");
		assertThat(body("PUT", "/api/admin/checkout-mode")).isEqualTo("{\"mode\":\"sync\"}");
	}

	@Test
	void resetSwitchesToTheDefaultModeOrderServiceReports() throws Exception {
		this.gateway.answer("GET", "/api/admin/checkout-mode", 200, "{\"mode\":\"async\",\"defaultMode\":\"escrow\"}");

		this.mvc.perform(post("/lab/reset").cookie(operator()).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=demo-reset"));

		assertThat(body("PUT", "/api/admin/checkout-mode")).isEqualTo("{\"mode\":\"escrow\"}");
	}

	@Test
	void aModeFormWithoutAModeChangesNothing() throws Exception {
		this.mvc.perform(post("/lab/mode").cookie(operator()).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=invalid-input"));

		assertThat(this.gateway.requests("PUT", "/api/admin/checkout-mode")).isEmpty();
	}

	@Test
	void resetSaysSoWhenTheBacklogDidNotDrainInTime() throws Exception {
		this.gateway.answer("GET", "/api/backlog", 200, WAITING.formatted(40));

		this.mvc.perform(post("/lab/reset").cookie(operator()).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=demo-reset-undrained"));

		assertThat(this.gateway.requests("PUT", "/api/admin/inventory/XBOX-SERIES-X/stock")).hasSize(1);
	}

	@Test
	void resetSaysNothingChangedWhenTheGatewayRefusesTheFirstStep() throws Exception {
		this.gateway.answer("PUT", "/api/admin/chaos", 503, "{\"status\":503}");

		this.mvc.perform(post("/lab/reset").cookie(operator()).with(csrf()))
			.andExpect(redirectedUrl("/lab?notice=lab-failed"));

		assertThat(this.gateway.requests("PUT", "/api/admin/inventory/XBOX-SERIES-X/stock")).isEmpty();
		assertThat(this.gateway.requests("PUT", "/api/admin/checkout-mode")).isEmpty();
	}

	private String body(String method, String path) {
		List<Recorded> requests = this.gateway.requests(method, path);
		assertThat(requests).hasSize(1);
		return requests.get(0).body();
	}

}
