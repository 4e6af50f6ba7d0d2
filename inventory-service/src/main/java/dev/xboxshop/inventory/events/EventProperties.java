package dev.xboxshop.inventory.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topicPartitions partitions of the topics this service declares
 * @param topicReplicas replicas of those topics
 * @param retryInterval pause between attempts at a record that failed for an unknown
 * reason; after {@code retryAttempts} more it goes to the dead-letter topic
 * @param retryAttempts retries of such a record
 * @param warehouseRetryInterval pause between attempts while the warehouse, Redis or
 * Kafka is unavailable; such a record is retried until it succeeds, so the order settles
 * after recovery
 * @param answerTimeout how long to wait for the broker to acknowledge an answer
 */
@ConfigurationProperties("shop.inventory")
record EventProperties(@DefaultValue("6") int topicPartitions, @DefaultValue("1") short topicReplicas,
		@DefaultValue("500ms") Duration retryInterval, @DefaultValue("2") long retryAttempts,
		@DefaultValue("1s") Duration warehouseRetryInterval, @DefaultValue("10s") Duration answerTimeout) {

}
