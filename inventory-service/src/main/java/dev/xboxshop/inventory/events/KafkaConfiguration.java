package dev.xboxshop.inventory.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import dev.xboxshop.inventory.warehouse.WarehouseUnavailable;

/**
 * Topics, and what happens to a batch the listener cannot handle:
 * <ul>
 * <li>a malformed record (not JSON, no order id or items): the records before it are
 * answered and committed, it goes straight to {@code orders.placed.dlt}, and the rest of
 * the batch comes again;
 * <li>the warehouse, Redis or the broker unavailable (the batch as a whole fails): the
 * batch is retried, with the consumer paused, until it works, so that accepted orders are
 * settled after recovery rather than rejected for an outage; repeats change nothing.
 * </ul>
 * The dead-letter topic keeps one bad record from blocking its partition; an outage
 * blocks it on purpose.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventProperties.class)
class KafkaConfiguration {

	@Bean
	NewTopic ordersPlacedTopic(EventProperties properties) {
		return topic(Topics.ORDERS_PLACED, properties);
	}

	@Bean
	NewTopic ordersPlacedDeadLetterTopic(EventProperties properties) {
		return topic(Topics.ORDERS_PLACED_DLT, properties);
	}

	@Bean
	NewTopic stockReservedTopic(EventProperties properties) {
		return topic(Topics.STOCK_RESERVED, properties);
	}

	@Bean
	NewTopic stockRejectedTopic(EventProperties properties) {
		return topic(Topics.STOCK_REJECTED, properties);
	}

	@Bean
	DefaultErrorHandler orderPlacedErrorHandler(KafkaTemplate<String, String> kafka, EventProperties properties) {
		// partition -1: the producer picks one by key, so the dead-letter topic may have
		// fewer partitions than its source
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + ".dlt", -1));
		// the handler's own back-off is the one a whole failed batch is retried with
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
				new FixedBackOff(properties.warehouseRetryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
		handler.addNotRetryableExceptions(MalformedEvent.class);
		BackOff fewRetries = new FixedBackOff(properties.retryInterval().toMillis(), properties.retryAttempts());
		// a single failed record: retried until recovered only if an outage failed it
		handler.setBackOffFunction((record, ex) -> outage(ex) ? null : fewRetries);
		return handler;
	}

	static boolean outage(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof WarehouseUnavailable || cause instanceof DataAccessException
					|| cause instanceof AnswerNotPublished) {
				return true;
			}
		}
		return false;
	}

	private static NewTopic topic(String name, EventProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.topicPartitions())
			.replicas(properties.topicReplicas())
			.build();
	}

}
