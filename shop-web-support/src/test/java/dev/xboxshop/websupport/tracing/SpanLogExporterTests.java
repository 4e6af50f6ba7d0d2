package dev.xboxshop.websupport.tracing;

import java.util.ArrayList;
import java.util.List;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A span's log line names its trace, its parent and its start, which is what
 * {@code ./shop trace} finds and sorts by.
 */
class SpanLogExporterTests {

	@Test
	void writesOneLineNamingTraceParentStartAndName() {
		List<SpanData> finished = new ArrayList<>();
		SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new Collecting(finished)).build();
		io.opentelemetry.api.trace.Span parent = provider.get("test").spanBuilder("http post").startSpan();
		io.opentelemetry.api.trace.Span child = provider.get("test")
			.spanBuilder("orders.placed send")
			.setParent(Context.root().with(parent))
			.setSpanKind(SpanKind.PRODUCER)
			.startSpan();
		child.end();
		parent.end();
		provider.close();

		String line = SpanLogExporter.line(finished.get(0));
		String traceId = parent.getSpanContext().getTraceId();
		assertThat(line).startsWith("span trace=" + traceId + " span=" + child.getSpanContext().getSpanId())
			.contains(" parent=" + parent.getSpanContext().getSpanId() + " start=20")
			.contains("kind=PRODUCER name=\"orders.placed send\"");
		assertThat(SpanLogExporter.line(finished.get(1))).contains(" parent=- ");
	}

	/** Keeps every span as it ends. */
	private record Collecting(List<SpanData> spans) implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.spans.add(span.toSpanData());
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
