package dev.xboxshop.loadtest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One mode's figures after a run, computed from the simulation's own records of every
 * checkout and from the orders' final states read back from the shop.
 *
 * @param mode the checkout mode
 * @param stock units it started with
 * @param sent checkouts sent
 * @param loadSeconds from the first checkout sent to the last answer
 * @param acceptP50Ms accept latency p50, over every answered checkout (-1: none)
 * @param acceptP95Ms p95
 * @param acceptP99Ms p99
 * @param acceptedP50Ms latency p50 of the 201/202 answers alone (sync's sold-out answers
 * are fast and would hide the booking round trip)
 * @param acceptedP99Ms p99
 * @param accepted 201 and 202 answers
 * @param acceptedPerSecond accepted over the seconds from the first accepted checkout
 * sent to the last one answered (sync stops accepting when it sells out)
 * @param booked accepted orders that reached CONFIRMED or CANCELLED
 * @param bookedPerSecond booked over the seconds from the first acceptance to the last
 * final status
 * @param finalP50Ms time from acceptance to the final status, p50 over booked orders
 * @param finalP99Ms p99
 * @param confirmed CONFIRMED orders
 * @param cancelledByReason CANCELLED orders by reason ({@code sold out},
 * {@code too late}, ...)
 * @param notFinal accepted orders still ACCEPTED (or unreadable) when the run ended
 * @param soldOut 409 sold-out answers
 * @param busy 503 busy answers (async shedding)
 * @param warehouse 503 warehouse-busy and warehouse-unavailable answers
 * @param answers every answer by label ({@code 202}, {@code 429 rate-limited}, {@code no
 * answer}, ...)
 * @param peakInFlight the largest booking backlog sampled during the load
 * @param shedSeen whether order-service reported shedding at some sample
 * @param auditVerdict the auditor's verdict once the mode's orders had settled
 * @param steps capacity steps (empty for the launch profile)
 * @param knee the last capacity step that held, null when none did or not a capacity run
 * @param leasesAfterSale escrow: units left in leases once the sale settled, and the time
 * until inventory had them back; "-" for the other modes
 */
record ModeSummary(String mode, int stock, long sent, double loadSeconds, long acceptP50Ms, long acceptP95Ms,
		long acceptP99Ms, long acceptedP50Ms, long acceptedP99Ms, long accepted, double acceptedPerSecond, long booked,
		double bookedPerSecond, long finalP50Ms, long finalP99Ms, long confirmed, Map<String, Long> cancelledByReason,
		long notFinal, long soldOut, long busy, long warehouse, Map<String, Long> answers, long peakInFlight,
		boolean shedSeen, String auditVerdict, List<CapacityStep> steps, CapacityStep knee, String leasesAfterSale) {

	static ModeSummary of(ModeRun run, Map<String, FinalOrder> orders) {
		Collection<CheckoutAnswer> answers = List.copyOf(run.answers);
		long firstSent = Long.MAX_VALUE;
		long lastAnswered = Long.MIN_VALUE;
		long[] latencies = new long[answers.size()];
		Map<String, Long> labels = new TreeMap<>();
		int i = 0;
		long accepted = 0;
		long firstAccepted = Long.MAX_VALUE;
		long lastAccepted = Long.MIN_VALUE;
		for (CheckoutAnswer answer : answers) {
			latencies[i++] = answer.latencyMs();
			firstSent = Math.min(firstSent, answer.sentAtMillis());
			lastAnswered = Math.max(lastAnswered, answer.answeredAtMillis());
			labels.merge(answer.label(), 1L, Long::sum);
			if (answer.accepted()) {
				accepted++;
				firstAccepted = Math.min(firstAccepted, answer.sentAtMillis());
				lastAccepted = Math.max(lastAccepted, answer.answeredAtMillis());
			}
		}
		double loadSeconds = answers.isEmpty() ? 0 : Math.max(1, lastAnswered - firstSent) / 1000.0;
		double acceptingSeconds = (accepted > 0) ? Math.max(1, lastAccepted - firstAccepted) / 1000.0 : 0;
		Percentiles accept = Percentiles.of(latencies);
		Percentiles acceptedOnly = Percentiles
			.of(answers.stream().filter(CheckoutAnswer::accepted).mapToLong(CheckoutAnswer::latencyMs).toArray());
		Booking booking = Booking.of(answers, orders);
		List<CapacityStep> steps = List.copyOf(run.steps);
		return new ModeSummary(run.mode, run.stock, answers.size(), loadSeconds, accept.at(50), accept.at(95),
				accept.at(99), acceptedOnly.at(50), acceptedOnly.at(99), accepted,
				perSecond(accepted, acceptingSeconds), booking.booked, booking.perSecond(), booking.timeToFinal.at(50),
				booking.timeToFinal.at(99), booking.confirmed, booking.cancelledByReason, accepted - booking.booked,
				count(answers, "409 sold-out"), count(answers, "503 busy"),
				count(answers, "503 warehouse-busy") + count(answers, "503 warehouse-unavailable"), labels,
				run.peakInFlight(), run.shedSeen(), run.auditVerdict(), steps, CapacityStep.knee(steps),
				run.leasesAfterSale());
	}

	private static long count(Collection<CheckoutAnswer> answers, String label) {
		return answers.stream().filter((answer) -> answer.label().equals(label)).count();
	}

	private static double perSecond(long count, double seconds) {
		return (seconds > 0) ? count / seconds : 0;
	}

	long cancelled() {
		return this.cancelledByReason.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The accepted orders that became final, and how long that took. */
	private record Booking(long booked, long confirmed, Map<String, Long> cancelledByReason, Percentiles timeToFinal,
			double seconds) {

		static Booking of(Collection<CheckoutAnswer> answers, Map<String, FinalOrder> orders) {
			long confirmed = 0;
			Map<String, Long> cancelled = new TreeMap<>();
			long[] times = new long[answers.size()];
			int booked = 0;
			long firstCreated = Long.MAX_VALUE;
			long lastFinal = Long.MIN_VALUE;
			for (CheckoutAnswer answer : answers) {
				FinalOrder order = answer.accepted() ? orders.get(answer.orderId()) : null;
				if (order == null || !order.terminal()) {
					continue;
				}
				times[booked++] = order.timeToFinalMs();
				firstCreated = Math.min(firstCreated, order.createdAt().toEpochMilli());
				lastFinal = Math.max(lastFinal, order.updatedAt().toEpochMilli());
				if ("CONFIRMED".equals(order.status())) {
					confirmed++;
				}
				else {
					cancelled.merge(order.status().equals("CANCELLED") ? order.reasonLabel()
							: order.status().toLowerCase() + ": " + order.reasonLabel(), 1L, Long::sum);
				}
			}
			double seconds = (booked > 0) ? Math.max(1, lastFinal - firstCreated) / 1000.0 : 0;
			return new Booking(booked, confirmed, cancelled, Percentiles.of(java.util.Arrays.copyOf(times, booked)),
					seconds);
		}

		double perSecond() {
			return (this.seconds > 0) ? this.booked / this.seconds : 0;
		}

	}

}
