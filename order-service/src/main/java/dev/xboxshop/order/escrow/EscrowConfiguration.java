package dev.xboxshop.order.escrow;

import java.net.http.HttpClient;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.web.client.RestClient;

import dev.xboxshop.order.OrderProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscrowProperties.class)
class EscrowConfiguration {

	@Bean
	LeaseClient leaseClient(OrderProperties properties, EscrowProperties escrow, JsonMapper json,
			ObservationRegistry observations) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(escrow.timeout())
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
		requestFactory.setReadTimeout(escrow.timeout());
		return new LeaseClient(RestClient.builder()
			.baseUrl(properties.inventoryUrl())
			.requestFactory(requestFactory)
			.observationRegistry(observations)
			.build(), json);
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
