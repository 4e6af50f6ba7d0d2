package dev.xboxshop.inventory.reservation;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.xboxshop.inventory.warehouse.WarehouseBulkhead;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A broken connection to the stock store leaves the outcome of a reservation unknown, so
 * its answer must not be one that promises nothing was reserved.
 */
@WebMvcTest(ReservationController.class)
class ReservationStoreFailureTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Reservations reservations;

	@MockitoBean
	private GroupCommit trips;

	@MockitoBean
	private WarehouseBulkhead bulkhead;

	@Test
	void answersAStoreFailureAsUnknownOutcomeNotAsARefusal() throws Exception {
		given(this.trips.reserve(any())).willThrow(new RedisConnectionFailureException("connection reset"));

		this.mvc
			.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderId\":\"o-1\",\"sku\":\"XBOX-SERIES-X\",\"quantity\":1}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://xbox-shop.example/problems/stock-store-unavailable"));
	}

}
