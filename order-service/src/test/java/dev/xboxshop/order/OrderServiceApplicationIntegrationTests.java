package dev.xboxshop.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderServiceApplicationIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Test
	void reportsHealthUp() {
		OrderApi.Response response = this.api.get("/actuator/health");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"UP\"");
	}

}
