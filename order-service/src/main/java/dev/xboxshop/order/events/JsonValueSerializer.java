package dev.xboxshop.order.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Record values as plain JSON without type headers: outbox payloads are JSON text
 * already, dead letters of unreadable records are the original bytes, anything else is
 * written with Jackson. Consumers pick their own target type, so no Java class name leaks
 * into the contract.
 */
public class JsonValueSerializer implements Serializer<Object> {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] bytes) {
			return bytes;
		}
		if (data instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return this.json.writeValueAsBytes(data);
	}

}
