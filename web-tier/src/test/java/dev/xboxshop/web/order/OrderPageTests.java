package dev.xboxshop.web.order;

import java.time.Duration;
import java.time.Instant;

import dev.xboxshop.web.StorefrontTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order page shows what was bought, how many, what it costs, and how long an ACCEPTED
 * order has been waiting.
 */
class OrderPageTests extends StorefrontTestSupport {

	@Test
	void showsTheLinesTheTotalAndHowLongAnAcceptedOrderHasWaited() throws Exception {
		String placedAt = Instant.now().minus(Duration.ofMinutes(125)).toString();
		this.gateway.answer("GET", "/api/orders/o-31", 200, pricedOrder("o-31", "ACCEPTED", placedAt));

		String page = page("/orders/o-31");

		assertThat(page).containsPattern("data-sku=\"XBOX-SERIES-X\"[^>]*>\\s*<td class=\"line-name\">Xbox Series X<")
			.containsPattern("line-quantity[^>]*>1<")
			.containsPattern("line-total[^>]*>\\$499\\.99<")
			.containsPattern("line-name\">Xbox Wireless Controller<")
			.containsPattern("line-quantity[^>]*>2<")
			.containsPattern("line-total[^>]*>\\$119\\.98<")
			.containsPattern("id=\"order-total\"[^>]*>\\$619\\.97<")
			// placed 2 h 5 min ago (a minute more if the clock ticks over meanwhile)
			.containsPattern("id=\"order-elapsed\"[^>]*data-elapsed-ms=\"7[56]\\d{5}\"[^>]*>2 h 0[56] min<");
	}

	@Test
	void showsNoWaitOnceTheOrderIsFinal() throws Exception {
		this.gateway.answer("GET", "/api/orders/o-32", 200,
				pricedOrder("o-32", "CONFIRMED", Instant.now().minusSeconds(30).toString()));

		String page = page("/orders/o-32");

		assertThat(page).contains("Xbox Wireless Controller")
			.containsPattern("id=\"order-total\"[^>]*>\\$619\\.97<")
			.doesNotContain("order-elapsed");
	}

	@Test
	void showsAnOrderStoredWithoutPricesWithoutAPrice() throws Exception {
		this.gateway.answer("GET", "/api/orders/o-33", 200, """
				{"orderId":"o-33","customerId":"c","items":[{"sku":"XBOX-SERIES-X","quantity":1}],"status":"CONFIRMED",
				 "mode":"sync","reason":null,"createdAt":"2026-11-24T20:00:00Z","updatedAt":"2026-11-24T20:00:01Z"}""");

		String page = page("/orders/o-33");

		assertThat(page).containsPattern("line-name\">XBOX-SERIES-X<")
			.containsPattern("line-quantity[^>]*>1<")
			.doesNotContain("order-total")
			.containsPattern("id=\"order-status\"[^>]*>CONFIRMED<");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String pricedOrder(String orderId, String status, String createdAt) {
		return """
				{"orderId":"%s","customerId":"c","items":[
				  {"sku":"XBOX-SERIES-X","name":"Xbox Series X","unitPriceCents":49999,"quantity":1,"lineTotalCents":49999},
				  {"sku":"XBOX-WIRELESS-CONTROLLER","name":"Xbox Wireless Controller","unitPriceCents":5999,"quantity":2,
				   "lineTotalCents":11998}],
				 "totalCents":61997,"status":"%s","mode":"async","reason":null,"createdAt":"%s","updatedAt":"%s"}"""
			.formatted(orderId, status, createdAt, createdAt);
	}

}
