package dev.xboxshop.order;

/**
 * An event to publish, written to the outbox stream in the same step as its order.
 *
 * @param key the Kafka record key
 * @param payload the event as JSON
 * @param traceparent the W3C trace context of the request that made it ({@code ""}
 * untraced): the relay publishes the event in that trace
 */
public record OutboxEntry(String key, String payload, String traceparent) {

}
