package dev.xboxshop.web.parts;

import dev.xboxshop.web.gateway.ClientAddress;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.xboxshop.web.WebTierProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts the parts of a page in parallel, each with its own timeout and fallback, so one
 * late service costs a page at most one part timeout and never an error.
 */
@Component
public class PartRunner {

	private static final Log logger = LogFactory.getLog(PartRunner.class);

	private final ExecutorService executor;

	private final Duration timeout;

	PartRunner(@Qualifier("partsExecutor") ExecutorService executor, WebTierProperties properties) {
		this.executor = executor;
		this.timeout = properties.partTimeout();
	}

	/**
	 * Starts one part. The returned future never fails and completes within the part
	 * timeout: with the call's value, or with {@code fallback} applied to the reason it
	 * gave up.
	 */
	public <T> CompletableFuture<Part<T>> start(String name, Supplier<T> call, Function<Throwable, T> fallback) {
		long start = System.nanoTime();
		CompletableFuture<T> answer;
		try {
			answer = CompletableFuture.supplyAsync(ClientAddress.carrying(call), this.executor);
		}
		catch (RejectedExecutionException full) {
			answer = CompletableFuture.failedFuture(full);
		}
		return answer.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).handle((value, failure) -> {
			Duration latency = Duration.ofNanos(System.nanoTime() - start);
			if (failure == null) {
				return new Part<>(name, value, latency, Part.Outcome.LIVE);
			}
			Throwable cause = unwrap(failure);
			Part.Outcome outcome = (cause instanceof TimeoutException) ? Part.Outcome.TIMEOUT : Part.Outcome.ERROR;
			if (logger.isDebugEnabled()) {
				logger.debug("Part " + name + " fell back after " + latency.toMillis() + " ms: " + cause);
			}
			return new Part<>(name, fallback.apply(cause), latency, outcome);
		});
	}

	/** Starts a part whose fallback is to show nothing (the page says "unavailable"). */
	public <T> CompletableFuture<Part<T>> start(String name, Supplier<T> call) {
		return start(name, call, (failure) -> null);
	}

	public static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
