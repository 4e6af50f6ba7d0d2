package dev.xboxshop.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers way, used where a Docker engine answers.
 */
final class ContainerServers {

	static final String REDIS_IMAGE = "redis:7.2-alpine";

	static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";

	private ContainerServers() {
	}

	static RedisServerHandle redis() {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
			.withExposedPorts(6379);
		container.start();
		return new RedisServerHandle() {
			@Override
			public String host() {
				return container.getHost();
			}

			@Override
			public int port() {
				return container.getMappedPort(6379);
			}

			@Override
			public void stop() {
				container.stop();
			}
		};
	}

	static KafkaServerHandle kafka() {
		KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
		container.start();
		return new KafkaServerHandle() {
			@Override
			public String bootstrapServers() {
				return container.getBootstrapServers();
			}

			@Override
			public void stop() {
				container.stop();
			}
		};
	}

}
