package dev.xboxshop.websupport.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * A trace carried where no instrumentation carries it: through a store (the order outbox)
 * or out of a batch (one answer per record of a Kafka batch). The context travels as its
 * W3C {@code traceparent} string; work done for it runs in a span that continues that
 * trace, so its HTTP and Kafka calls propagate it again.
 */
public final class TraceParents {

	/** The W3C header, also the name a stored context goes by. */
	public static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceParents(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * The {@code traceparent} of the span in scope on this thread.
	 * @return the header value, or {@code ""} outside a trace
	 */
	public String current() {
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return "";
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.getOrDefault(TRACEPARENT, "");
	}

	/**
	 * Runs work in a new span that continues the trace a {@code traceparent} names.
	 * @param traceparent the stored or received header value; {@code null} or blank
	 * starts a new trace
	 * @param name the span's name
	 * @param work what to do in it
	 * @return what the work returned
	 */
	public <T> T inSpan(String traceparent, String name, Supplier<T> work) {
		Span span = start(traceparent).name(name).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return work.get();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private Span.Builder start(String traceparent) {
		if (traceparent == null || traceparent.isBlank()) {
			return this.tracer.spanBuilder().setNoParent();
		}
		return this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
	}

}
