package dev.xboxshop.loadtest;

import java.util.Arrays;
import java.util.List;

/**
 * One step of the capacity profile, judged: it held when the parents really reached
 * checkout at the step's rate (a parent reads the product first), the accept p99 stayed
 * within the limit and errors stayed rare.
 *
 * @param step the step's index (0 is the first)
 * @param targetRate the arrival rate the step asked for
 * @param sent checkouts sent in the step (parents that got past the product read)
 * @param answered checkouts answered so far
 * @param p50Ms accept latency p50 (unanswered checkouts count as {@code waitedMs})
 * @param p99Ms accept latency p99 (likewise)
 * @param errors answers that were neither accepted nor sold out, plus the unanswered
 * @param held whether the step held
 * @param why what broke it, or {@code held}
 */
record CapacityStep(int step, double targetRate, long sent, long answered, long p50Ms, long p99Ms, long errors,
		boolean held, String why) {

	/**
	 * Judge a step from the checkouts sent in it.
	 * @param step the step
	 * @param targetRate its planned arrival rate
	 * @param seconds its length
	 * @param sent checkouts sent in it
	 * @param answers the answers to them that came
	 * @param waitedMs how long the unanswered ones have waited at least
	 * @param p99LimitMs the p99 limit
	 * @param errorLimitPercent the error limit
	 * @return the verdict
	 */
	static CapacityStep judge(int step, double targetRate, int seconds, long sent, List<CheckoutAnswer> answers,
			long waitedMs, long p99LimitMs, double errorLimitPercent) {
		long unanswered = Math.max(0, sent - answers.size());
		long[] latencies = new long[answers.size() + (int) unanswered];
		Arrays.fill(latencies, waitedMs);
		long errors = unanswered;
		for (int i = 0; i < answers.size(); i++) {
			latencies[i] = answers.get(i).latencyMs();
			if (answers.get(i).error()) {
				errors++;
			}
		}
		Percentiles percentiles = Percentiles.of(latencies);
		long p99 = percentiles.at(99);
		double errorPercent = (sent > 0) ? 100.0 * errors / sent : 0;
		String why = "held";
		if (sent < 0.9 * targetRate * seconds) {
			why = String.format("only %.0f/s reached checkout (product read or load generator behind)",
					(double) sent / seconds);
		}
		else if (p99 > p99LimitMs) {
			why = "p99 " + p99 + " ms > " + p99LimitMs + " ms";
		}
		else if (errorPercent > errorLimitPercent) {
			why = String.format("errors %.1f%% > %.1f%%", errorPercent, errorLimitPercent);
		}
		return new CapacityStep(step, targetRate, sent, answers.size(), percentiles.at(50), p99, errors,
				why.equals("held"), why);
	}

	/**
	 * The knee: the last step that held before the first one that broke.
	 * @param steps the judged steps, in order
	 * @return the knee, or null when the first step already broke
	 */
	static CapacityStep knee(List<CapacityStep> steps) {
		CapacityStep knee = null;
		for (CapacityStep step : steps) {
			if (!step.held()) {
				return knee;
			}
			knee = step;
		}
		return knee;
	}

	double errorPercent() {
		return (this.sent > 0) ? 100.0 * this.errors / this.sent : 0;
	}

}
