package dev.xboxshop.loadtest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTests {

	private static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

	@Test
	void bucketsAnswersBySecondSentAndOrderStatesAtEachSecondsEnd() {
		List<CheckoutAnswer> answers = List.of(answer(0, 10, 202, "a"), answer(300, 30, 202, "b"),
				answer(900, 50, 503, null), answer(1_200, 400, 202, "c"), answer(1_500, 20_000, 0, null));
		Map<String, FinalOrder> orders = Map.of("a", order("a", 10, 1_500, "CONFIRMED"), "b",
				order("b", 330, 2_500, "CANCELLED"), "c", order("c", 1_600, 1_700, "ACCEPTED"));

		Timeline timeline = Timeline.of(answers, orders,
				List.of(new Timeline.Sample(T0 + 500, 2), new Timeline.Sample(T0 + 2_100, 1)));

		// the last answer came 21.5 s in: seconds 0..21
		assertThat(timeline.seconds()).hasSize(22);
		Timeline.Second first = timeline.seconds().get(0);
		assertThat(first.answers()).isEqualTo(3);
		assertThat(first.p50Ms()).isEqualTo(30);
		assertThat(first.p99Ms()).isEqualTo(50);
		assertThat(first.accepted()).isEqualTo(2);
		assertThat(first.turnedAway()).isEqualTo(1);
		assertThat(first.pending()).isEqualTo(2);
		assertThat(first.confirmed()).isZero();
		assertThat(first.backlog()).isEqualTo(2);
		Timeline.Second second = timeline.seconds().get(1);
		assertThat(second.answers()).isEqualTo(2);
		assertThat(second.p99Ms()).isEqualTo(20_000);
		assertThat(second.confirmed()).isEqualTo(1);
		assertThat(second.pending()).isEqualTo(2);
		assertThat(second.backlog()).isEqualTo(-1);
		Timeline.Second third = timeline.seconds().get(2);
		assertThat(third.answers()).isZero();
		assertThat(third.p50Ms()).isEqualTo(-1);
		assertThat(third.cancelled()).isEqualTo(1);
		assertThat(third.pending()).isEqualTo(1);
		assertThat(third.backlog()).isEqualTo(1);
	}

	@Test
	void aRunWithoutAnswersHasNoSeconds() {
		assertThat(Timeline.of(List.of(), Map.of(), List.of()).seconds()).isEmpty();
	}

	private static CheckoutAnswer answer(long atMs, long latencyMs, int status, String orderId) {
		return new CheckoutAnswer("async", T0 + atMs, latencyMs, status, orderId, null);
	}

	private static FinalOrder order(String id, long createdMs, long updatedMs, String status) {
		return new FinalOrder(id, status, "CANCELLED".equals(status) ? "Sold out after your order was accepted." : null,
				Instant.ofEpochMilli(T0 + createdMs), Instant.ofEpochMilli(T0 + updatedMs));
	}

}
