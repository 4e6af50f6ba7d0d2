package dev.xboxshop.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients for tests: publish what inventory would, read what the order
 * service published.
 */
public final class KafkaTestClient {

	private final String bootstrapServers;

	public KafkaTestClient(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Publish a record and wait for the broker's acknowledgement.
	 * @param topic the topic
	 * @param key the key
	 * @param value the value
	 * @return where the record was written
	 */
	public RecordMetadata publish(String topic, String key, String value) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish to " + topic, ex);
		}
	}

	public RecordMetadata stockReserved(String orderId, String sku, int quantity) {
		return publish("stock.reserved", orderId,
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"orderId\":\""
						+ orderId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}");
	}

	public RecordMetadata stockRejected(String orderId, String sku) {
		return stockRejected(orderId, sku, "sold out");
	}

	public RecordMetadata stockRejected(String orderId, String sku, String reason) {
		return publish("stock.rejected", orderId,
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"orderId\":\""
						+ orderId + "\",\"sku\":\"" + sku + "\",\"reason\":\"" + reason + "\"}");
	}

	/**
	 * Wait until a consumer group has committed past a record, that is, processed it.
	 * @param group the consumer group
	 * @param record the record
	 * @param timeout how long to wait
	 */
	public void awaitConsumed(String group, RecordMetadata record, Duration timeout) {
		await().atMost(timeout).until(() -> consumed(group, record));
	}

	/**
	 * Whether a consumer group has committed past a record (processed or dead-lettered
	 * it).
	 * @param group the consumer group
	 * @param record the record
	 * @return true once the group's offset is past the record
	 */
	public boolean consumed(String group, RecordMetadata record) throws Exception {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS)
				.get(partition);
			return committed != null && committed.offset() > record.offset();
		}
	}

	/**
	 * Read a topic from the start until a record matches.
	 * @param topic the topic
	 * @param match what to look for
	 * @param timeout how long to look
	 * @return the first matching record
	 */
	public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
			Duration timeout) {
		try (KafkaConsumer<String, String> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> found = new ArrayList<>();
			await().atMost(timeout).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (match.test(record)) {
						found.add(record);
					}
				});
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

	/**
	 * Every record of a topic, from the beginning to the current end.
	 * @param topic the topic
	 * @return the records
	 */
	public List<ConsumerRecord<String, String>> readAll(String topic) {
		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return partitions.stream().allMatch((tp) -> consumer.position(tp) >= end.get(tp));
			});
			return records;
		}
	}

	private KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"order-test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
	}

}
