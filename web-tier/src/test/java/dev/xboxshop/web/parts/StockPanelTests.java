package dev.xboxshop.web.parts;

import java.time.Duration;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StorefrontTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StockPanelTests extends StorefrontTestSupport {

	@Autowired
	StockCache stockCache;

	@Test
	void saysStockUnavailableWhenInventoryIsLateAndNothingIsKnown() throws Exception {
		this.stockCache.clear();
		this.gateway.delay("GET", "/api/products/" + StandInGateway.SKU, Duration.ofSeconds(5));

		String page = this.mvc.perform(get("/").cookie(shopper()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsPattern("id=\"stock-left\"[^>]*>Stock unavailable<")
			.contains("id=\"product-price\" class=\"muted\">price unavailable<")
			.contains("id=\"buy\"");
	}

}
