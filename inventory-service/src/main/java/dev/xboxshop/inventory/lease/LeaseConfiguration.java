package dev.xboxshop.inventory.lease;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Escrow leases: their settings, the expiry sweep, and the topic escrow sales arrive on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaseProperties.class)
@EnableScheduling
class LeaseConfiguration {

	@Bean
	NewTopic ordersEscrowedTopic(LeaseProperties properties) {
		return topic(EscrowSoldListener.TOPIC, properties);
	}

	@Bean
	NewTopic ordersEscrowedDeadLetterTopic(LeaseProperties properties) {
		return topic(EscrowSoldListener.TOPIC + ".dlt", properties);
	}

	private static NewTopic topic(String name, LeaseProperties properties) {
		return TopicBuilder.name(name)
			.partitions(properties.topicPartitions())
			.replicas(properties.topicReplicas())
			.build();
	}

}
