package dev.xboxshop.web.parts;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * How long each part of a page took, which one the page waited for last (its critical
 * path), and the {@code Server-Timing} header that shows the same to a browser's
 * developer tools.
 *
 * @param parts the parts of the page, in the order they are shown
 * @param total how long assembling the page took
 */
public record ServerTiming(List<Part<?>> parts, Duration total) {

	public static final String HEADER = "Server-Timing";

	public ServerTiming {
		parts = List.copyOf(parts);
	}

	/**
	 * Waits for every part (each completes within its own timeout, so this waits at most
	 * about one part timeout) and times the whole.
	 */
	public static ServerTiming await(long startNanos, List<? extends CompletableFuture<? extends Part<?>>> parts) {
		CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
		List<Part<?>> done = parts.stream().<Part<?>>map(CompletableFuture::join).toList();
		return new ServerTiming(done, Duration.ofNanos(System.nanoTime() - startNanos));
	}

	/** The part with the longest wait: the page could not be ready before it. */
	public Optional<Part<?>> criticalPath() {
		return this.parts.stream().max(Comparator.comparing(Part::latency));
	}

	public String criticalPathName() {
		return criticalPath().map(Part::name).orElse("none");
	}

	public double totalMillis() {
		return this.total.toNanos() / 1_000_000.0;
	}

	/**
	 * e.g.
	 * {@code product;dur=12.3;desc="live", ..., critical;desc="product", total;dur=13.0}.
	 */
	public String header() {
		String metrics = this.parts.stream()
			.map((part) -> String.format(Locale.ROOT, "%s;dur=%.1f;desc=\"%s\"", part.name(), part.millis(),
					part.outcome().label()))
			.collect(Collectors.joining(", "));
		String critical = String.format(Locale.ROOT, "critical;desc=\"%s\"", criticalPathName());
		String total = String.format(Locale.ROOT, "total;dur=%.1f", totalMillis());
		return metrics.isEmpty() ? critical + ", " + total : metrics + ", " + critical + ", " + total;
	}

}
