package dev.xboxshop.inventory.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of the events to docs/contracts.md, which order-service reads and writes
 * with its own copies of these records.
 */
@JsonTest
class EventJsonTests {

	@Autowired
	private JacksonTester<OrderPlaced> orderPlaced;

	@Autowired
	private JacksonTester<StockReserved> stockReserved;

	@Autowired
	private JacksonTester<StockRejected> stockRejected;

	@Test
	void readsOrderPlacedAsOrderServiceWritesIt() throws Exception {
		String json = """
				{"eventId":"e-1","occurredAt":"2025-11-20T10:15:30Z","orderId":"o-1","customerId":"c-1",
				 "items":[{"sku":"XBOX-SERIES-X","quantity":2}],"someFutureField":true}
				""";

		OrderPlaced event = this.orderPlaced.parseObject(json);

		assertThat(event).isEqualTo(new OrderPlaced("e-1", Instant.parse("2025-11-20T10:15:30Z"), "o-1", "c-1",
				List.of(new OrderItem("XBOX-SERIES-X", 2)), null));
	}

	@Test
	void readsTheDeadlineOfAnOrderPlaced() throws Exception {
		String json = """
				{"eventId":"e-1","occurredAt":"2025-11-20T10:15:30Z","orderId":"o-1","customerId":"c-1",
				 "items":[{"sku":"XBOX-SERIES-X","quantity":2}],"deadline":"2025-11-20T10:16:30Z"}
				""";

		OrderPlaced event = this.orderPlaced.parseObject(json);

		assertThat(event.deadline()).isEqualTo(Instant.parse("2025-11-20T10:16:30Z"));
		assertThat(event.expired(Instant.parse("2025-11-20T10:16:29Z"))).isFalse();
		assertThat(event.expired(Instant.parse("2025-11-20T10:16:30Z"))).isTrue();
	}

	@Test
	void writesStockReservedWithTheContractFieldNames() throws Exception {
		StockReserved event = new StockReserved("e-2", Instant.parse("2025-11-20T10:15:31Z"), "o-1",
				List.of(new OrderItem("XBOX-SERIES-X", 2)));

		assertThat(this.stockReserved.write(event)).isEqualToJson("""
				{"eventId":"e-2","occurredAt":"2025-11-20T10:15:31Z","orderId":"o-1",
				 "items":[{"sku":"XBOX-SERIES-X","quantity":2}]}
				""", org.skyscreamer.jsonassert.JSONCompareMode.STRICT);
	}

	@Test
	void writesStockRejectedWithTheContractFieldNames() throws Exception {
		StockRejected event = new StockRejected("e-3", Instant.parse("2025-11-20T10:15:32Z"), "o-1", "XBOX-SERIES-X",
				"sold out");

		assertThat(this.stockRejected.write(event)).isEqualToJson("""
				{"eventId":"e-3","occurredAt":"2025-11-20T10:15:32Z","orderId":"o-1","sku":"XBOX-SERIES-X",
				 "reason":"sold out"}
				""", org.skyscreamer.jsonassert.JSONCompareMode.STRICT);
	}

	@Test
	void derivesTheSameAnswerIdForTheSameOrder() {
		assertThat(OrderStock.eventId(Topics.STOCK_RESERVED, "o-1"))
			.isEqualTo(OrderStock.eventId(Topics.STOCK_RESERVED, "o-1"))
			.isNotEqualTo(OrderStock.eventId(Topics.STOCK_REJECTED, "o-1"))
			.isNotEqualTo(OrderStock.eventId(Topics.STOCK_RESERVED, "o-2"));
	}

}
