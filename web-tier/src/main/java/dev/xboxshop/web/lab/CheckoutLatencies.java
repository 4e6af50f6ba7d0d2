package dev.xboxshop.web.lab;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.xboxshop.web.gateway.CheckoutMode;

import org.springframework.stereotype.Component;

/**
 * The latency of the rush's own checkouts, as the web-tier measured them through the
 * gateway: each mode's last rush (at most {@code latency-window} checkouts), in memory
 * (soft state: a restart forgets them, the next rush measures again). Nothing here is
 * estimated: a mode no rush ran in has no figures.
 */
@Component
class CheckoutLatencies {

	private final int window;

	private final Map<String, Deque<Long>> byMode = new LinkedHashMap<>();

	CheckoutLatencies(LabProperties properties) {
		this.window = properties.latencyWindow();
		CheckoutMode.ALL.forEach((mode) -> this.byMode.put(mode, new ArrayDeque<>()));
	}

	/**
	 * A new rush in this mode: its bars show that rush alone, not a blend with older
	 * ones.
	 */
	void startOver(String mode) {
		Deque<Long> samples = this.byMode.get(mode);
		if (samples != null) {
			synchronized (samples) {
				samples.clear();
			}
		}
	}

	void record(String mode, long micros) {
		Deque<Long> samples = this.byMode.get(mode);
		if (samples == null) {
			return;
		}
		synchronized (samples) {
			samples.addLast(micros);
			while (samples.size() > this.window) {
				samples.removeFirst();
			}
		}
	}

	/** Each mode's figures, in the order of {@link CheckoutMode#ALL}. */
	Map<String, Figures> figures() {
		Map<String, Figures> figures = new LinkedHashMap<>();
		this.byMode.forEach((mode, samples) -> {
			long[] sorted;
			synchronized (samples) {
				sorted = samples.stream().mapToLong(Long::longValue).toArray();
			}
			Arrays.sort(sorted);
			figures.put(mode, new Figures(sorted.length, percentileMs(sorted, 50), percentileMs(sorted, 99)));
		});
		return figures;
	}

	/** Nearest rank; null without samples. */
	static Double percentileMs(long[] sortedMicros, int percentile) {
		if (sortedMicros.length == 0) {
			return null;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sortedMicros.length);
		return sortedMicros[Math.max(rank, 1) - 1] / 1000.0;
	}

	/**
	 * @param count how many checkouts the figures cover
	 * @param p50Ms the median latency, null without samples
	 * @param p99Ms the 99th percentile, null without samples
	 */
	record Figures(int count, Double p50Ms, Double p99Ms) {

	}

}
