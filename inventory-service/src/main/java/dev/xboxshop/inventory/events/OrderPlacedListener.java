package dev.xboxshop.inventory.events;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers each {@code OrderPlaced} with {@code StockReserved} or {@code StockRejected},
 * keyed by order id. The offset is committed only after the broker has the answer, so an
 * order is answered at least once; the reservation scripts make repeats harmless.
 */
@Component
class OrderPlacedListener {

	private final JsonMapper json;

	private final OrderStock stock;

	private final KafkaTemplate<String, String> kafka;

	private final long answerTimeoutMs;

	OrderPlacedListener(JsonMapper json, OrderStock stock, KafkaTemplate<String, String> kafka,
			EventProperties properties) {
		this.json = json;
		this.stock = stock;
		this.kafka = kafka;
		this.answerTimeoutMs = properties.answerTimeout().toMillis();
	}

	@KafkaListener(id = "inventory-orders-placed", topics = Topics.ORDERS_PLACED,
			groupId = "${spring.kafka.consumer.group-id:inventory-service}")
	void onOrderPlaced(ConsumerRecord<String, String> record) {
		OrderPlaced order = parse(record.value());
		publish(this.stock.settle(order));
	}

	private OrderPlaced parse(String value) {
		if (value == null) {
			throw new MalformedEvent("OrderPlaced without a value", null);
		}
		OrderPlaced order;
		try {
			order = this.json.readValue(value, OrderPlaced.class);
		}
		catch (JacksonException ex) {
			throw new MalformedEvent("Not an OrderPlaced event", ex);
		}
		if (order == null || order.orderId() == null || order.items() == null || order.items().isEmpty()
				|| order.items()
					.stream()
					.anyMatch((item) -> item == null || item.sku() == null || item.quantity() == null)) {
			throw new MalformedEvent("OrderPlaced without an order id or complete items", null);
		}
		return order;
	}

	private void publish(StockAnswer answer) {
		try {
			this.kafka.send(answer.topic(), answer.orderId(), this.json.writeValueAsString(answer.event()))
				.get(this.answerTimeoutMs, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AnswerNotPublished(answer.orderId(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AnswerNotPublished(answer.orderId(), ex);
		}
	}

}
