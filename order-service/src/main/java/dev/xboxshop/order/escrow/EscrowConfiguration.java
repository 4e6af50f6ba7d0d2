package dev.xboxshop.order.escrow;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.inventory.InventoryGuard;
import dev.xboxshop.order.inventory.InventoryHttp;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscrowProperties.class)
class EscrowConfiguration {

	@Bean
	LeaseClient leaseClient(OrderProperties properties, EscrowProperties escrow, InventoryGuard inventoryGuard,
			JsonMapper json, ObservationRegistry observations) {
		return new LeaseClient(InventoryHttp.restClient(properties.inventoryUrl(), escrow.timeout(), observations),
				inventoryGuard, json);
	}

	/** Escrow sales go to inventory on their own topic, keyed by order id. */
	@Bean
	NewTopic ordersEscrowedTopic(OrderProperties properties) {
		return TopicBuilder.name(EscrowQuotas.TOPIC)
			.partitions(properties.kafka().partitions())
			.replicas(properties.kafka().replicas())
			.build();
	}

}
