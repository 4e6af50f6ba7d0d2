package dev.xboxshop.inventory.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import dev.xboxshop.inventory.InventoryIntegrationTest;
import dev.xboxshop.inventory.TestProducts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders booked in one batch are still answered each in its own trace: the answer to an
 * {@code OrderPlaced} record carries a {@code traceparent} of the trace that record came
 * with, over a real broker.
 */
@InventoryIntegrationTest
class OrderPlacedTracingIntegrationTests {

	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

	@Autowired
	private TestProducts products;

	@Autowired
	private Environment environment;

	private TopicReader reader;

	@BeforeEach
	void openReader() {
		this.reader = new TopicReader(bootstrapServers(), Topics.STOCK_RESERVED, Topics.STOCK_REJECTED);
	}

	@AfterEach
	void closeReader() {
		this.reader.close();
	}

	@Test
	void answersEveryOrderInTheTraceItsRecordCameWith() throws Exception {
		String sku = this.products.create(1, 2);
		String first = TestProducts.orderId();
		String second = TestProducts.orderId();
		String firstTrace = newTraceId();
		String secondTrace = newTraceId();

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 50),
				new StringSerializer(), new StringSerializer())) {
			producer.send(traced(orderPlaced(first, sku), sku, firstTrace));
			producer.send(traced(orderPlaced(second, sku), sku, secondTrace)).get();
		}

		// one unit: the first is reserved, the second rejected, each in its own trace
		assertThat(traceOfAnswer(first)).isEqualTo(firstTrace);
		assertThat(traceOfAnswer(second)).isEqualTo(secondTrace);
	}

	private String traceOfAnswer(String orderId) {
		List<ConsumerRecord<String, String>> answers = await().atMost(ANSWER_WITHIN)
			.until(() -> this.reader.keyed(orderId), (records) -> !records.isEmpty());
		Header traceparent = answers.get(0).headers().lastHeader("traceparent");
		assertThat(traceparent).as("traceparent of the answer to %s", orderId).isNotNull();
		return new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
	}

	private static ProducerRecord<String, String> traced(String event, String sku, String traceId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS_PLACED, sku, event);
		record.headers()
			.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static String orderPlaced(String orderId, String sku) {
		return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"orderId\":\""
				+ orderId + "\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"" + sku
				+ "\",\"quantity\":1}],\"deadline\":\"" + Instant.now().plusSeconds(60) + "\"}";
	}

	private static String newTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private String bootstrapServers() {
		return this.environment.getRequiredProperty("spring.kafka.bootstrap-servers");
	}

}
