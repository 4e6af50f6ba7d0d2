package dev.xboxshop.loadtest;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of durations: the value below or at which {@code p}
 * percent of them lie, always one of the measured values.
 */
final class Percentiles {

	private final long[] sorted;

	private Percentiles(long[] sorted) {
		this.sorted = sorted;
	}

	static Percentiles of(long[] values) {
		long[] copy = values.clone();
		Arrays.sort(copy);
		return new Percentiles(copy);
	}

	int count() {
		return this.sorted.length;
	}

	/**
	 * @param p the percentile, above 0 and at most 100
	 * @return the nearest-rank value, or -1 when there are no values
	 */
	long at(double p) {
		if (p <= 0 || p > 100) {
			throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
		}
		if (this.sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(p / 100 * this.sorted.length);
		return this.sorted[Math.max(rank, 1) - 1];
	}

}
