package dev.xboxshop.loadtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One mode's run second by second, from its first checkout: the answers sent in each
 * second (count, latency p50/p99, accepted, turned away), the states of its accepted
 * orders at the end of each second (from the orders' own {@code createdAt} and
 * {@code updatedAt} as order-service stored them), and the booking backlog order-service
 * reported when sampled in that second.
 *
 * @param startMillis the mode's first checkout (epoch millis)
 * @param seconds one entry per second
 */
record Timeline(long startMillis, List<Second> seconds) {

	/**
	 * @param second seconds since the first checkout
	 * @param answers checkouts sent in this second
	 * @param p50Ms their accept latency p50 (-1: none sent)
	 * @param p99Ms p99
	 * @param accepted of them, 201 or 202
	 * @param turnedAway of them, 503, 504, 429 or unanswered
	 * @param pending orders accepted but not yet final at the end of the second
	 * @param confirmed orders CONFIRMED by then (cumulative)
	 * @param cancelled orders cancelled or rejected after acceptance by then (cumulative)
	 * @param backlog order-service's {@code inFlight} sampled in this second (-1: no
	 * sample)
	 */
	record Second(int second, long answers, long p50Ms, long p99Ms, long accepted, long turnedAway, long pending,
			long confirmed, long cancelled, long backlog) {
	}

	/** A booking backlog reading of {@code GET /api/backlog}. */
	record Sample(long atMillis, long inFlight) {
	}

	static Timeline of(Collection<CheckoutAnswer> answers, Map<String, FinalOrder> orders, Collection<Sample> backlog) {
		if (answers.isEmpty()) {
			return new Timeline(0, List.of());
		}
		long start = answers.stream().mapToLong(CheckoutAnswer::sentAtMillis).min().getAsLong();
		long end = answers.stream().mapToLong(CheckoutAnswer::answeredAtMillis).max().getAsLong();
		for (FinalOrder order : orders.values()) {
			if (order.terminal()) {
				end = Math.max(end, order.updatedAt().toEpochMilli());
			}
		}
		int count = (int) ((end - start) / 1000) + 1;
		List<List<CheckoutAnswer>> sent = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sent.add(new ArrayList<>());
		}
		answers.forEach((answer) -> sent.get(index(start, answer.sentAtMillis(), count)).add(answer));
		long[] backlogAt = new long[count];
		java.util.Arrays.fill(backlogAt, -1);
		backlog.stream()
			.filter((sample) -> sample.atMillis() >= start)
			.forEach((sample) -> backlogAt[index(start, sample.atMillis(), count)] = sample.inFlight());
		List<Second> seconds = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			seconds.add(second(i, sent.get(i), orders.values(), start + (i + 1) * 1000L, backlogAt[i]));
		}
		return new Timeline(start, seconds);
	}

	private static int index(long start, long millis, int count) {
		return (int) Math.max(0, Math.min(count - 1, (millis - start) / 1000));
	}

	private static Second second(int i, List<CheckoutAnswer> sent, Collection<FinalOrder> orders, long endMillis,
			long backlog) {
		Percentiles latency = Percentiles.of(sent.stream().mapToLong(CheckoutAnswer::latencyMs).toArray());
		long pending = 0;
		long confirmed = 0;
		long cancelled = 0;
		for (FinalOrder order : orders) {
			if (order.createdAt().toEpochMilli() >= endMillis) {
				continue;
			}
			if (!order.terminal() || order.updatedAt().toEpochMilli() >= endMillis) {
				pending++;
			}
			else if ("CONFIRMED".equals(order.status())) {
				confirmed++;
			}
			else {
				cancelled++;
			}
		}
		return new Second(i, sent.size(), latency.at(50), latency.at(99),
				sent.stream().filter(CheckoutAnswer::accepted).count(),
				sent.stream().filter(Tradeoff::turnedAway).count(), pending, confirmed, cancelled, backlog);
	}

}
