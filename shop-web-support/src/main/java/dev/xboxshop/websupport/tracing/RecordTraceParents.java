package dev.xboxshop.websupport.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The {@code traceparent} a Kafka record came with, for a batch listener: spring-kafka's
 * observation does not cover batches, so each record is answered in its own trace with
 * {@link TraceParents#inSpan}. Apart from {@link TraceParents}, which services without
 * Kafka load too.
 */
public final class RecordTraceParents {

	private RecordTraceParents() {
	}

	/**
	 * @param headers the record's headers
	 * @return the header value, or {@code null} if it has none
	 */
	public static String of(Headers headers) {
		Header header = headers.lastHeader(TraceParents.TRACEPARENT);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
