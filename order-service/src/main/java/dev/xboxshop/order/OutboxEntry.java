package dev.xboxshop.order;

/**
 * An event to publish, written to the outbox stream in the same step as its order.
 *
 * @param key the Kafka record key
 * @param payload the event as JSON
 */
public record OutboxEntry(String key, String payload) {

}
