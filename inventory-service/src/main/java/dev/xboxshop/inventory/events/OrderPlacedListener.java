package dev.xboxshop.inventory.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.reservation.Reservations;
import dev.xboxshop.inventory.warehouse.Warehouse;
import dev.xboxshop.inventory.web.MalformedRequest;
import dev.xboxshop.websupport.tracing.RecordTraceParents;
import dev.xboxshop.websupport.tracing.TraceParents;

/**
 * Answers {@code OrderPlaced} events a batch at a time (whatever one poll brought), with
 * {@code StockReserved} or {@code StockRejected} keyed by order id. A batch costs one
 * warehouse trip, so booking keeps pace with accepting. Every answer is sent before any
 * is waited for; the batch's offsets are committed only after the broker acknowledged all
 * of them, so an order is answered at least once, and the reservation scripts make
 * repeats harmless. Each answer is sent in the trace of the order it answers (the
 * {@code traceparent} its record came with), although the batch is booked as one.
 */
@Component
class OrderPlacedListener {

	private final JsonMapper json;

	private final OrderStock stock;

	private final KafkaTemplate<String, String> kafka;

	private final long answerTimeoutMs;

	private final DistributionSummary batchSizes;

	private final TraceParents traces;

	OrderPlacedListener(JsonMapper json, OrderStock stock, KafkaTemplate<String, String> kafka,
			EventProperties properties, MeterRegistry meters, TraceParents traces) {
		this.json = json;
		this.stock = stock;
		this.kafka = kafka;
		this.answerTimeoutMs = properties.answerTimeout().toMillis();
		this.batchSizes = Warehouse.batchSizes("async", meters);
		this.traces = traces;
	}

	@KafkaListener(id = "inventory-orders-placed", topics = Topics.ORDERS_PLACED,
			groupId = "${spring.kafka.consumer.group-id:inventory-service}", batch = "true")
	void onOrdersPlaced(List<ConsumerRecord<String, String>> records) {
		List<OrderPlaced> orders = new ArrayList<>(records.size());
		Map<String, String> traceparents = new HashMap<>();
		for (ConsumerRecord<String, String> record : records) {
			try {
				OrderPlaced order = parse(record.value());
				orders.add(order);
				traceparents.put(order.orderId(), RecordTraceParents.of(record.headers()));
			}
			catch (MalformedEvent ex) {
				// the orders before it are answered and committed; the error handler
				// sends
				// this one to the dead-letter topic and the rest come again
				answer(orders, traceparents);
				throw new BatchListenerFailedException(ex.getMessage(), ex, record);
			}
		}
		answer(orders, traceparents);
	}

	private void answer(List<OrderPlaced> orders, Map<String, String> traceparents) {
		if (!orders.isEmpty()) {
			this.batchSizes.record(orders.size());
			publish(this.stock.settle(orders), traceparents);
		}
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
		try {
			Reservations.requireUsableOrderId(order.orderId());
		}
		catch (MalformedRequest ex) {
			throw new MalformedEvent("OrderPlaced with an unusable order id", ex);
		}
		return order;
	}

	private void publish(List<StockAnswer> answers, Map<String, String> traceparents) {
		CompletableFuture<?>[] sends = answers.stream()
			.map((answer) -> this.traces.inSpan(traceparents.get(answer.orderId()), "stock answer",
					() -> this.kafka.send(answer.topic(), answer.orderId(),
							this.json.writeValueAsString(answer.event()))))
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(sends).get(this.answerTimeoutMs, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AnswerNotPublished(answers.size(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AnswerNotPublished(answers.size(), ex);
		}
	}

}
