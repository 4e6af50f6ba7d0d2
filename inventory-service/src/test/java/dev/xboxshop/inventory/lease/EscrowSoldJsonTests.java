package dev.xboxshop.inventory.lease;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of {@code EscrowSold} as order-service's escrow script writes it
 * (docs/contracts.md).
 */
@JsonTest
class EscrowSoldJsonTests {

	@Autowired
	private JacksonTester<EscrowSold> escrowSold;

	@Test
	void readsEscrowSoldWithTheLeaseOfEachLine() throws Exception {
		String json = """
				{"eventId":"e-1","occurredAt":"2025-11-20T10:15:30Z","orderId":"o-1","replicaId":"host-8084",
				 "items":[{"sku":"XBOX-SERIES-X","quantity":1,"replicaId":"host-8184"}]}
				""";

		EscrowSold event = this.escrowSold.parseObject(json);

		assertThat(event).isEqualTo(new EscrowSold("e-1", Instant.parse("2025-11-20T10:15:30Z"), "o-1", "host-8084",
				List.of(new EscrowSold.Item("XBOX-SERIES-X", 1, "host-8184"))));
	}

}
