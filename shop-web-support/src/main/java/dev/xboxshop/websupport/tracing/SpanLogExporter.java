package dev.xboxshop.websupport.tracing;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every finished span as one line of the service's own log, so a trace can be
 * followed without a collector ({@code ./shop trace <traceId>} collects the lines of
 * every service). A line names the span's start, so the lines of one trace sort in the
 * order its work began, although spans are written when they end.
 */
public final class SpanLogExporter implements SpanExporter {

	/** The logger the lines go to; silence it to keep the spans out of a log. */
	public static final String LOGGER = "shop.spans";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		for (SpanData span : spans) {
			log.info(line(span));
		}
		return CompletableResultCode.ofSuccess();
	}

	static String line(SpanData span) {
		SpanContext parent = span.getParentSpanContext();
		long micros = TimeUnit.NANOSECONDS.toMicros(span.getEndEpochNanos() - span.getStartEpochNanos());
		Instant start = Instant.ofEpochSecond(0, span.getStartEpochNanos());
		return "span trace=" + span.getTraceId() + " span=" + span.getSpanId() + " parent="
				+ (parent.isValid() ? parent.getSpanId() : "-") + " start=" + start + " took=" + (micros / 1000.0)
				+ "ms kind=" + span.getKind() + " name=\"" + span.getName() + "\""
				+ ((span.getStatus().getStatusCode() == StatusCode.ERROR) ? " ERROR" : "");
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

}
