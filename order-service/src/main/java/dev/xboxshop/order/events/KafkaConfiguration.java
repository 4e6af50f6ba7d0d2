package dev.xboxshop.order.events;

import java.util.HashMap;
import java.util.Map;

import io.lettuce.core.RedisException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.xboxshop.order.OrderProperties;

/**
 * Kafka as DESIGN.md section 4 asks: an idempotent producer with {@code acks=all} and
 * {@code linger.ms=0}; consumers that survive unreadable records. What happens to a stock
 * event the listener cannot handle:
 * <ul>
 * <li>unreadable or naming no order: straight to {@code <topic>.dlt};
 * <li>Redis failing or unreachable: retried until it works, since nothing replays a
 * dead-lettered answer and the order would be cancelled although stock was reserved;
 * <li>anything else: two retries, then {@code <topic>.dlt}, so one bad record never
 * blocks its partition.
 * </ul>
 * Everything else comes from {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/** How often a store failure is retried while it lasts. */
	static final long STORE_RETRY_INTERVAL_MS = 1000L;

	@Bean
	KafkaAdmin.NewTopics orderTopics(OrderProperties properties) {
		int partitions = properties.kafka().partitions();
		short replicas = properties.kafka().replicas();
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(Topics.ORDERS_PLACED).partitions(partitions).replicas(replicas).build(),
				TopicBuilder.name(Topics.STOCK_RESERVED).partitions(partitions).replicas(replicas).build(),
				TopicBuilder.name(Topics.STOCK_REJECTED).partitions(partitions).replicas(replicas).build(),
				TopicBuilder.name(Topics.deadLetter(Topics.STOCK_RESERVED))
					.partitions(partitions)
					.replicas(replicas)
					.build(),
				TopicBuilder.name(Topics.deadLetter(Topics.STOCK_REJECTED))
					.partitions(partitions)
					.replicas(replicas)
					.build(),
				// the auditor's witness: each order's latest record survives compaction
				TopicBuilder.name(properties.kafka().ledgerTopic())
					.partitions(partitions)
					.replicas(replicas)
					.compact()
					.build());
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer reliableProducer() {
		return (factory) -> factory
			.updateConfigs(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
					ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonValueSerializer.class, ProducerConfig.ACKS_CONFIG,
					"all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0,
					// a failed send must fail (and stay in the outbox) well before the
					// relay's
					// claim timeout, not after Kafka's two-minute default
					ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
					ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer tolerantConsumer() {
		return (factory) -> {
			Map<String, Object> config = new HashMap<>();
			config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
			config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JacksonJsonDeserializer.class);
			config.put(JacksonJsonDeserializer.TRUSTED_PACKAGES, "dev.xboxshop.order.events");
			// each listener names its type; a producer's class names mean nothing here
			config.put(JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS, false);
			if (!factory.getConfigurationProperties().containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
				// a new consumer group must not skip answers sent before it joined
				config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			}
			factory.updateConfigs(config);
		};
	}

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
		// partition -1: Kafka picks one, so a dead-letter topic may have fewer partitions
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		// the handler's own back-off is the one a whole failed batch is retried with
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(STORE_RETRY_INTERVAL_MS, FixedBackOff.UNLIMITED_ATTEMPTS));
		handler.addNotRetryableExceptions(MalformedEvent.class);
		BackOff fewRetries = new FixedBackOff(500L, 2L);
		// a failed record: retried while Redis fails (null: the unlimited back-off
		// above),
		// else twice, then dead-lettered
		handler.setBackOffFunction((record, ex) -> storeFailure(ex) ? null : fewRetries);
		return handler;
	}

	/**
	 * Whether the listener failed because Redis did (down, timing out, refusing), which
	 * passes, rather than because of the record.
	 */
	static boolean storeFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MalformedEvent) {
				return false;
			}
			if (cause instanceof DataAccessException || cause instanceof RedisException) {
				return true;
			}
		}
		return false;
	}

}
