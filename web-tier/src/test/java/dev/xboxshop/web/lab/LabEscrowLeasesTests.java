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

class LabEscrowLeasesTests extends StorefrontTestSupport {

	@Test
	void showsEachReplicasLeaseHeldSoldAndExpiry() throws Exception {
		this.gateway.answer("GET", "/api/escrow/leases", 200, "[{\"sku\":\"XBOX-SERIES-X\",\"replicaId\":\"vm-8084\","
				+ "\"granted\":50,\"returned\":0,\"settled\":38,\"held\":12,\"sold\":40,\"left\":10,"
				+ "\"expiresAt\":\"2026-12-01T10:00:05Z\"},{\"sku\":\"XBOX-SERIES-X\",\"replicaId\":\"vm-8184\","
				+ "\"granted\":20,\"returned\":5,\"settled\":15,\"held\":0,\"sold\":15,\"left\":0,\"expiresAt\":null}]");

		String figures = this.mvc.perform(get("/lab/figures").cookie(logIn()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(figures).contains("Escrow leases per replica")
			.containsPattern("data-replica=\"vm-8084\">\\s*<th scope=\"row\">vm-8084</th>\\s*<td>XBOX-SERIES-X</td>\\s*"
					+ "<td>10</td>\\s*<td>40</td>\\s*<td>2026-12-01T10:00:05Z</td>")
			.containsPattern("<td>0</td>\\s*<td>15</td>\\s*<td>given back</td>");
	}

	@Test
	void rendersTheLabWithoutLeasesWhenTheyCannotBeRead() throws Exception {
		this.gateway.answer("GET", "/api/escrow/leases", 503, "{\"type\":\"about:blank\",\"status\":503}");

		String lab = this.mvc.perform(get("/lab").cookie(logIn())).andReturn().getResponse().getContentAsString();

		assertThat(lab).doesNotContain("Escrow leases per replica").contains("id=\"audit-verdict\"");
	}

	private Cookie logIn() throws Exception {
		return this.mvc.perform(post("/lab/login").param("token", StandInGateway.TOKEN).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie(OperatorSession.COOKIE);
	}

}
