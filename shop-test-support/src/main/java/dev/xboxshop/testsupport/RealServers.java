package dev.xboxshop.testsupport;

import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * Real Redis and Kafka servers for integration tests, started at most once per JVM.
 * <p>
 * Where a Docker engine answers, Testcontainers runs {@code redis:7} and
 * {@code apache/kafka}. Otherwise a local {@code redis-server} process (or the embedded
 * Redis binary) and a KRaft broker process from the Kafka jars are started. Force either
 * way with {@code -Dshop.test.servers=containers|local} or the environment variable
 * {@code SHOP_TEST_SERVERS}.
 */
public final class RealServers {

	public static final String MODE_PROPERTY = "shop.test.servers";

	private static RedisServerHandle redis;

	private static KafkaServerHandle kafka;

	private RealServers() {
	}

	public static synchronized RedisServerHandle redis() {
		if (redis == null) {
			redis = useContainers() ? ContainerServers.redis() : LocalRedis.start();
			Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "stop-test-redis"));
		}
		return redis;
	}

	public static synchronized KafkaServerHandle kafka() {
		if (kafka == null) {
			kafka = useContainers() ? ContainerServers.kafka() : KafkaBrokerProcess.startOnFreePorts();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-test-kafka"));
		}
		return kafka;
	}

	static boolean useContainers() {
		String choice = System.getProperty(MODE_PROPERTY, System.getenv().getOrDefault("SHOP_TEST_SERVERS", "auto"))
			.toLowerCase(Locale.ROOT);
		return switch (choice) {
			case "containers" -> true;
			case "local" -> false;
			case "auto" -> dockerAnswers();
			default -> throw new IllegalArgumentException(
					MODE_PROPERTY + " must be auto, containers or local, not '" + choice + "'");
		};
	}

	private static boolean dockerAnswers() {
		boolean noEngineConfigured = System.getenv("DOCKER_HOST") == null
				&& !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock")) && !java.nio.file.Files
					.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
		if (noEngineConfigured) {
			// skip Testcontainers' own probe, which logs an alarming error where no
			// engine is expected
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
