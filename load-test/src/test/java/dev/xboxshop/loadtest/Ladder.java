package dev.xboxshop.loadtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost of each step a checkout takes, as a ratio to a request the gateway answers
 * itself: on a noisy machine the milliseconds move from run to run, the ratios much less.
 * The first rung is the no-op every other rung is divided by.
 *
 * @param calls timed calls per rung
 * @param concurrency calls in flight at once
 * @param rungs the rungs, the no-op first
 */
record Ladder(int calls, int concurrency, List<Rung> rungs) {

	/**
	 * @param name what was called
	 * @param request method and path
	 * @param available false when the shop answered 501 (not built); no figures then
	 * @param timed calls timed
	 * @param failed of them, answers that were not 2xx (or no answer)
	 * @param p50Micros latency p50 in microseconds (nearest rank)
	 * @param p99Micros p99
	 * @param meanMicros the mean
	 * @param ratio p50 over the no-op's p50 (1 for the no-op; 0 when not available)
	 * @param note why it is not available, or what failed
	 */
	record Rung(String name, String request, boolean available, int timed, int failed, long p50Micros, long p99Micros,
			long meanMicros, double ratio, String note) {

		static Rung notAvailable(String name, String request, String note) {
			return new Rung(name, request, false, 0, 0, -1, -1, -1, 0, note);
		}

		static Rung timed(String name, String request, long[] micros, int failed, String note) {
			Percentiles latency = Percentiles.of(micros);
			long mean = Math.round(java.util.Arrays.stream(micros).average().orElse(-1));
			return new Rung(name, request, true, micros.length, failed, latency.at(50), latency.at(99), mean, 0, note);
		}

		Rung over(long baseMicros) {
			double ratio = (this.available && baseMicros > 0) ? (double) this.p50Micros / baseMicros : 0;
			return new Rung(this.name, this.request, this.available, this.timed, this.failed, this.p50Micros,
					this.p99Micros, this.meanMicros, ratio, this.note);
		}

	}

	/** The rungs with their ratios to the first. */
	static Ladder of(int calls, int concurrency, List<Rung> measured) {
		long base = measured.isEmpty() ? 0 : measured.get(0).p50Micros();
		List<Rung> rungs = new ArrayList<>();
		measured.forEach((rung) -> rungs.add(rung.over(base)));
		return new Ladder(calls, concurrency, List.copyOf(rungs));
	}

	String table() {
		StringBuilder out = new StringBuilder("| rung | request | p50 ms | p99 ms | x no-op (p50) | note |\n");
		out.append("| --- | --- | --- | --- | --- | --- |\n");
		for (Rung rung : this.rungs) {
			out.append("| ")
				.append(String.join(" | ", rung.name(), rung.request(), millis(rung.p50Micros()),
						millis(rung.p99Micros()), rung.available() ? String.format("%.1f", rung.ratio()) : "n/a",
						rung.note()))
				.append(" |\n");
		}
		return out.toString();
	}

	static String millis(long micros) {
		return (micros < 0) ? "-" : String.format("%.2f", micros / 1000.0);
	}

}
