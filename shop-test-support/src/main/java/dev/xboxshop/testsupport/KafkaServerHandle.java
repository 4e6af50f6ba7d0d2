package dev.xboxshop.testsupport;

/**
 * A running Kafka broker that tests may connect to.
 */
public interface KafkaServerHandle {

	String bootstrapServers();

	void stop();

}
