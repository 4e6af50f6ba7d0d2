package dev.xboxshop.websupport.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trace plumbing every service gets from this module once it has Micrometer Tracing:
 * {@link TraceParents}, and with {@code shop.tracing.log-spans=true} (the local shop) the
 * span log.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(Tracer.class)
public class TracingAutoConfiguration {

	@Bean
	@ConditionalOnBean({ Tracer.class, Propagator.class })
	TraceParents traceParents(Tracer tracer, Propagator propagator) {
		return new TraceParents(tracer, propagator);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SpanExporter.class)
	@ConditionalOnBooleanProperty("shop.tracing.log-spans")
	static class SpanLogConfiguration {

		@Bean
		SpanLogExporter spanLogExporter() {
			return new SpanLogExporter();
		}

	}

}
