package dev.xboxshop.order.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of the events matches docs/contracts.md, in both directions.
 */
class EventContractTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesOrderPlacedAsTheContractSays() {
		Instant at = Instant.parse("2026-12-01T09:00:00Z");
		Order order = new Order("o-1", "c-1",
				List.of(new OrderLine("XBOX-SERIES-X", "Xbox Series X", 49999L, 1), new OrderLine("GAME-A", 2)),
				OrderStatus.ACCEPTED, CheckoutMode.ASYNC, null, at, at, 1, "key-1");

		OrderPlaced event = OrderPlaced.of(order, at.plusSeconds(60));
		JsonNode written = this.json.readTree(new JsonValueSerializer().serialize("orders.placed", event));

		assertThat(written.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "orderId", "customerId",
				"items", "deadline");
		assertThat(written.get("deadline").asString()).isEqualTo("2026-12-01T09:01:00Z");
		assertThat(written.get("occurredAt").asString()).isEqualTo("2026-12-01T09:00:00Z");
		assertThat(written.get("items").get(1).get("sku").asString()).isEqualTo("GAME-A");
		assertThat(written.get("items").get(1).get("quantity").asInt()).isEqualTo(2);
		// inventory books units, not money: a line's price stays out of the event
		assertThat(written.get("items").get(0).propertyNames()).containsExactlyInAnyOrder("sku", "quantity");
		assertThat(event.recordKey()).isEqualTo("XBOX-SERIES-X");
	}

	@Test
	void readsStockEventsAsInventoryWritesThem() {
		StockReserved reserved = this.json.readValue(
				"{\"eventId\":\"e-1\",\"occurredAt\":\"2026-12-01T09:00:01Z\","
						+ "\"orderId\":\"o-1\",\"items\":[{\"sku\":\"XBOX-SERIES-X\",\"quantity\":1}],\"extra\":true}",
				StockReserved.class);
		StockRejected rejected = this.json.readValue(
				"{\"eventId\":\"e-2\",\"occurredAt\":\"2026-12-01T09:00:02Z\","
						+ "\"orderId\":\"o-2\",\"sku\":\"XBOX-SERIES-X\",\"reason\":\"sold-out\"}",
				StockRejected.class);

		assertThat(reserved.orderId()).isEqualTo("o-1");
		assertThat(reserved.items()).containsExactly(new OrderLine("XBOX-SERIES-X", 1));
		assertThat(rejected.occurredAt()).isEqualTo(Instant.parse("2026-12-01T09:00:02Z"));
		assertThat(rejected.sku()).isEqualTo("XBOX-SERIES-X");
	}

}
