package dev.xboxshop.loadtest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModeSummaryTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	private final ModeRun run = new ModeRun("async", 2, 1, 10);

	private final Map<String, FinalOrder> orders = new HashMap<>();

	@Test
	void countsOutcomesFromTheAnswersAndTheOrdersFinalStates() {
		accepted("a", 0, 10, "CONFIRMED", null, 100);
		accepted("b", 100, 20, "CONFIRMED", null, 300);
		accepted("c", 200, 30, "CANCELLED", "Sold out after your order was accepted; you will not be charged.", 900);
		accepted("d", 300, 40, "CANCELLED", "We could not confirm stock in time; you will not be charged.", 60_000);
		accepted("e", 400, 50, "ACCEPTED", null, 0);
		this.run.answered(new CheckoutAnswer("async", T0.toEpochMilli() + 500, 60, 503, null, "busy"));
		this.run.answered(new CheckoutAnswer("async", T0.toEpochMilli() + 600, 70, 503, null, "warehouse-busy"));
		this.run.answered(new CheckoutAnswer("async", T0.toEpochMilli() + 700, 80, 429, null, "rate-limited"));
		this.run.answered(new CheckoutAnswer("async", T0.toEpochMilli() + 800, 20_000, 0, null, null));

		ModeSummary summary = ModeSummary.of(this.run, this.orders);

		assertThat(summary.sent()).isEqualTo(9);
		assertThat(summary.accepted()).isEqualTo(5);
		assertThat(summary.booked()).isEqualTo(4);
		assertThat(summary.notFinal()).isEqualTo(1);
		assertThat(summary.confirmed()).isEqualTo(2);
		assertThat(summary.cancelledByReason()).containsEntry("sold out", 1L).containsEntry("too late", 1L);
		assertThat(summary.busy()).isEqualTo(1);
		assertThat(summary.warehouse()).isEqualTo(1);
		assertThat(summary.answers()).containsEntry("429 rate-limited", 1L)
			.containsEntry("no answer", 1L)
			.containsEntry("202", 5L);
		assertThat(summary.acceptP99Ms()).isEqualTo(20_000);
		assertThat(summary.acceptP50Ms()).isEqualTo(50);
		assertThat(summary.acceptedP50Ms()).isEqualTo(30);
		assertThat(summary.acceptedP99Ms()).isEqualTo(50);
		assertThat(summary.finalP50Ms()).isEqualTo(300);
		assertThat(summary.finalP99Ms()).isEqualTo(60_000);
	}

	@Test
	void ratesAreOverTheRunsOwnSpan() {
		for (int i = 0; i < 10; i++) {
			// ten accepted in the first 2 s (last answer at 2 s), booked within 4 s of
			// the first
			accepted("o" + i, i * 200, 200, "CONFIRMED", null, 4_000 - i * 200);
		}
		ModeSummary summary = ModeSummary.of(this.run, this.orders);
		assertThat(summary.loadSeconds()).isEqualTo(2.0);
		assertThat(summary.acceptedPerSecond()).isEqualTo(5.0);
		assertThat(summary.bookedPerSecond()).isEqualTo(2.5);
	}

	@Test
	void soldOutAnswersAreCountedApartFromErrors() {
		this.run.answered(new CheckoutAnswer("sync", T0.toEpochMilli(), 5, 409, null, "sold-out"));
		ModeSummary summary = ModeSummary.of(this.run, this.orders);
		assertThat(summary.soldOut()).isEqualTo(1);
		assertThat(summary.accepted()).isZero();
		assertThat(summary.finalP99Ms()).isEqualTo(-1);
	}

	@Test
	void kneeSaysWhenNoStepBroke() {
		this.run.steps.add(new CapacityStep(0, 25, 250, 250, 5, 9, 0, true, "held"));
		assertThat(LaunchReport.knee(ModeSummary.of(this.run, this.orders), 1))
			.isEqualTo("25 parents/s or more (no step broke)");
		assertThat(LaunchReport.knee(ModeSummary.of(this.run, this.orders), 2)).isEqualTo("25 parents/s");
		this.run.steps.add(new CapacityStep(1, 50, 500, 500, 5, 1_500, 0, false, "p99 1500 ms > 1000 ms"));
		assertThat(LaunchReport.knee(ModeSummary.of(this.run, this.orders), 2)).isEqualTo("25 parents/s");
	}

	private void accepted(String id, long sentAfterMs, long latencyMs, String status, String reason,
			long finalAfterMs) {
		Instant created = T0.plusMillis(sentAfterMs + latencyMs / 2);
		this.run.answered(new CheckoutAnswer("async", T0.toEpochMilli() + sentAfterMs, latencyMs, 202, id, null));
		this.orders.put(id, new FinalOrder(id, status, reason, created, created.plusMillis(finalAfterMs)));
	}

}
