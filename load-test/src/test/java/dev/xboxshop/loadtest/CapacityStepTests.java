package dev.xboxshop.loadtest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityStepTests {

	@Test
	void holdsWhenFastAndClean() {
		CapacityStep step = judge(answers(100, 202, 50), 100);
		assertThat(step.held()).isTrue();
		assertThat(step.p99Ms()).isEqualTo(50);
		assertThat(step.why()).isEqualTo("held");
	}

	@Test
	void breaksWhenP99IsOverTheLimit() {
		List<CheckoutAnswer> answers = answers(97, 202, 50);
		answers.addAll(answers(3, 202, 1_500));
		CapacityStep step = judge(answers, 100);
		assertThat(step.held()).isFalse();
		assertThat(step.why()).startsWith("p99 1500 ms");
	}

	@Test
	void soldOutIsNotAnErrorButWarehouseBusyIs() {
		List<CheckoutAnswer> answers = answers(90, 409, 20, "sold-out");
		answers.addAll(answers(10, 202, 20));
		assertThat(judge(answers, 100).held()).isTrue();
		answers.set(0, answer(503, 20, "warehouse-busy"));
		answers.set(1, answer(503, 20, "warehouse-busy"));
		CapacityStep step = judge(answers, 100);
		assertThat(step.errors()).isEqualTo(2);
		assertThat(step.held()).isFalse();
		assertThat(step.why()).startsWith("errors 2.0%");
	}

	@Test
	void unansweredCheckoutsCountAsSlowErrors() {
		CapacityStep step = judge(answers(95, 202, 50), 100);
		assertThat(step.answered()).isEqualTo(95);
		assertThat(step.errors()).isEqualTo(5);
		assertThat(step.p99Ms()).isEqualTo(2_000);
		assertThat(step.held()).isFalse();
	}

	@Test
	void breaksWhenTheParentsWereNotReallySentAtTheRate() {
		CapacityStep step = CapacityStep.judge(0, 100, 10, 800, answers(800, 202, 50), 2_000, 1_000, 1);
		assertThat(step.held()).isFalse();
		assertThat(step.why()).contains("only 80/s reached checkout");
	}

	@Test
	void kneeIsTheLastStepThatHeldBeforeTheFirstBreak() {
		List<CapacityStep> steps = List.of(step(0, true), step(1, true), step(2, false), step(3, true));
		assertThat(CapacityStep.knee(steps).step()).isEqualTo(1);
	}

	@Test
	void noKneeWhenTheFirstStepBreaks() {
		assertThat(CapacityStep.knee(List.of(step(0, false), step(1, true)))).isNull();
	}

	@Test
	void kneeIsTheLastStepWhenNoneBroke() {
		assertThat(CapacityStep.knee(List.of(step(0, true), step(1, true))).step()).isEqualTo(1);
	}

	private static CapacityStep judge(List<CheckoutAnswer> answers, long sent) {
		return CapacityStep.judge(0, 10, 10, sent, answers, 2_000, 1_000, 1);
	}

	private static CapacityStep step(int index, boolean held) {
		return new CapacityStep(index, 50 + 50 * index, 100, 100, 10, 10, 0, held, held ? "held" : "broke");
	}

	static List<CheckoutAnswer> answers(int count, int status, long latencyMs) {
		return answers(count, status, latencyMs, null);
	}

	static List<CheckoutAnswer> answers(int count, int status, long latencyMs, String problem) {
		List<CheckoutAnswer> answers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			answers.add(answer(status, latencyMs, problem));
		}
		return answers;
	}

	static CheckoutAnswer answer(int status, long latencyMs, String problem) {
		return new CheckoutAnswer("async", 1_000, latencyMs, status, null, problem);
	}

}
