package dev.xboxshop.web.order;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.xboxshop.web.StandInGateway;
import dev.xboxshop.web.StandInGateway.Answer;
import dev.xboxshop.web.StorefrontTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OrderStatusStreamTests extends StorefrontTestSupport {

	@LocalServerPort
	int port;

	@Test
	void streamsAcceptedThenConfirmedAndEnds() {
		this.gateway.answer("GET", "/api/orders/o-7",
				Answer.of(200, StandInGateway.order("o-7", "ACCEPTED", "async", null)),
				Answer.of(200, StandInGateway.order("o-7", "ACCEPTED", "async", null)),
				Answer.of(200, StandInGateway.order("o-7", "CONFIRMED", "async", null)));

		List<String> data = statusEvents("o-7");

		assertThat(data).hasSize(2);
		assertThat(data.get(0)).contains("\"status\":\"ACCEPTED\"").contains("\"done\":false");
		assertThat(data.get(1)).contains("\"status\":\"CONFIRMED\"").contains("\"done\":true");
	}

	@Test
	void streamsTheApologyWhenTheOrderIsCancelled() {
		this.gateway.answer("GET", "/api/orders/o-8",
				Answer.of(200, StandInGateway.order("o-8", "ACCEPTED", "async", null)),
				Answer.of(503, StandInGateway.problem("warehouse-unavailable", 503, "blip")), Answer.of(200,
						StandInGateway.order("o-8", "CANCELLED", "async", "Sold out before we could reserve it")));

		List<String> data = statusEvents("o-8");

		assertThat(data).last()
			.satisfies((event) -> assertThat(event).contains("\"status\":\"CANCELLED\"")
				.contains("\"reason\":\"Sold out before we could reserve it\""));
	}

	@Test
	void showsTheCancelledReasonOnThePage() throws Exception {
		this.gateway.answer("GET", "/api/orders/o-9", 200,
				StandInGateway.order("o-9", "CANCELLED", "async", "Sold out before we could reserve it"));

		String page = this.mvc.perform(get("/orders/o-9").param("notice", "order-accepted"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).containsPattern("id=\"order-status\"[^>]*>CANCELLED<")
			.containsPattern("id=\"order-reason\"[^>]*>Sold out before we could reserve it<")
			.contains("data-final=\"true\"")
			.doesNotContain("are reserving your console");
	}

	@Test
	void answers404ForAnUnknownOrder() throws Exception {
		this.mvc.perform(get("/orders/nope")).andExpect(status().isNotFound());
	}

	private List<String> statusEvents(String orderId) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/orders/" + orderId + "/events"))
			.header("Accept", "text/event-stream")
			.build();
		// the stream ends by itself at the final status; a hang fails the test
		return assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> HttpClient.newHttpClient()
					.send(request, HttpResponse.BodyHandlers.ofLines())
					.body()
					.filter((line) -> line.startsWith("data:"))
					.toList());
	}

}
