package dev.xboxshop.loadtest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One mode's column of the tradeoff report: what the parents got, told apart the way a
 * shop owner would. A buyer <em>turned away</em> (503, 504, 429, or no answer in time) is
 * a lost sale, not a bug; an <em>error</em> is any other answer that was neither an
 * acceptance nor a clean sold-out (400, 500, 501, ...). An <em>oversold</em> order was
 * accepted and then cancelled because the stock was gone; every accepted order that ended
 * cancelled or rejected is an <em>apology</em>.
 *
 * @param mode the checkout mode
 * @param available false when every answer was 501 (the mode is not built)
 * @param checkouts checkouts sent
 * @param acceptP50Ms accept latency over every answered checkout, nearest rank (-1: none)
 * @param acceptP95Ms p95
 * @param acceptP99Ms p99
 * @param acceptMaxMs the slowest
 * @param acceptMeanMs the mean (what the business line's latency penalty uses)
 * @param finalP50Ms accepted to final status, p50
 * @param finalP99Ms p99
 * @param acceptedPerSecond accepted checkouts per second while the mode accepted
 * @param accepted 201 and 202 answers
 * @param confirmed accepted orders that ended CONFIRMED
 * @param soldOut 409 sold-out answers
 * @param turnedAway 503, 504, 429 and unanswered checkouts (lost sales)
 * @param oversold accepted, then cancelled for stock
 * @param apologies accepted, then cancelled or rejected for any reason
 * @param errors every other answer
 * @param errorsByAnswer the errors by label, e.g. {@code 501 not-implemented}
 * @param auditVerdict the auditor's verdict once the mode had settled
 */
record Tradeoff(String mode, boolean available, long checkouts, long acceptP50Ms, long acceptP95Ms, long acceptP99Ms,
		long acceptMaxMs, long acceptMeanMs, long finalP50Ms, long finalP99Ms, double acceptedPerSecond, long accepted,
		long confirmed, long soldOut, long turnedAway, long oversold, long apologies, long errors,
		Map<String, Long> errorsByAnswer, String auditVerdict) {

	private static final List<Integer> COME_BACK_LATER = List.of(0, 429, 503, 504);

	static Tradeoff of(ModeSummary summary, Collection<CheckoutAnswer> answers, Map<String, FinalOrder> orders) {
		long[] latencies = answers.stream().mapToLong(CheckoutAnswer::latencyMs).toArray();
		Percentiles accept = Percentiles.of(latencies);
		long mean = (latencies.length > 0) ? Math.round(java.util.Arrays.stream(latencies).average().orElse(0)) : -1;
		long soldOut = 0;
		long turnedAway = 0;
		long oversold = 0;
		long apologies = 0;
		long notImplemented = 0;
		Map<String, Long> errors = new TreeMap<>();
		for (CheckoutAnswer answer : answers) {
			if (answer.accepted()) {
				FinalOrder order = orders.get(answer.orderId());
				if (order != null && order.terminal() && !"CONFIRMED".equals(order.status())) {
					apologies++;
					oversold += "sold out".equals(order.reasonLabel()) ? 1 : 0;
				}
			}
			else if (answer.soldOut()) {
				soldOut++;
			}
			else if (turnedAway(answer)) {
				turnedAway++;
			}
			else {
				errors.merge(answer.label(), 1L, Long::sum);
				notImplemented += (answer.status() == 501) ? 1 : 0;
			}
		}
		boolean available = answers.isEmpty() || notImplemented < answers.size();
		return new Tradeoff(summary.mode(), available, answers.size(), accept.at(50), accept.at(95), accept.at(99),
				accept.at(100), mean, summary.finalP50Ms(), summary.finalP99Ms(), summary.acceptedPerSecond(),
				summary.accepted(), summary.confirmed(), soldOut, turnedAway, oversold, apologies,
				errors.values().stream().mapToLong(Long::longValue).sum(), errors, summary.auditVerdict());
	}

	/** Told to come back later, or told nothing in time: the parent leaves. */
	static boolean turnedAway(CheckoutAnswer answer) {
		return COME_BACK_LATER.contains(answer.status());
	}

}
