package dev.xboxshop.loadtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TradeoffTests {

	private static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

	private final ModeRun run = new ModeRun("async", 2, 1, 10);

	private final Map<String, FinalOrder> orders = new HashMap<>();

	@Test
	void countsBuyersTurnedAwayApartFromErrors() {
		answer(0, 10, 201, "a", null);
		answer(1, 20, 409, null, "sold-out");
		answer(2, 30, 503, null, "busy");
		answer(3, 40, 503, null, "warehouse-unavailable");
		answer(4, 50, 504, null, "gateway-timeout");
		answer(5, 60, 429, null, "rate-limited");
		answer(6, 20_000, 0, null, null);
		answer(7, 70, 500, null, "internal-error");
		answer(8, 80, 400, null, "malformed-request");
		answer(9, 90, 409, null, "idempotency-key-in-use");
		confirmed("a");

		Tradeoff tradeoff = tradeoff();

		assertThat(tradeoff.checkouts()).isEqualTo(10);
		assertThat(tradeoff.soldOut()).isEqualTo(1);
		assertThat(tradeoff.turnedAway()).isEqualTo(5);
		assertThat(tradeoff.errors()).isEqualTo(3);
		assertThat(tradeoff.errorsByAnswer()).containsOnlyKeys("500 internal-error", "400 malformed-request",
				"409 idempotency-key-in-use");
		assertThat(tradeoff.available()).isTrue();
	}

	@Test
	void anOversoldOrderIsAnApologyForStockButNotEveryApologyIsAnOversell() {
		answer(0, 10, 202, "a", null);
		answer(1, 10, 202, "b", null);
		answer(2, 10, 202, "c", null);
		answer(3, 10, 202, "d", null);
		confirmed("a");
		settled("b", "CANCELLED", "Sold out after your order was accepted; you will not be charged.");
		settled("c", "CANCELLED", "We could not confirm stock in time; you will not be charged.");
		settled("d", "ACCEPTED", null);

		Tradeoff tradeoff = tradeoff();

		assertThat(tradeoff.confirmed()).isEqualTo(1);
		assertThat(tradeoff.oversold()).isEqualTo(1);
		assertThat(tradeoff.apologies()).isEqualTo(2);
		assertThat(tradeoff.turnedAway()).isZero();
		assertThat(tradeoff.errors()).isZero();
	}

	@Test
	void acceptLatencyHasItsMaxAndMeanOverEveryAnswer() {
		for (int i = 1; i <= 99; i++) {
			answer(i, i, 409, null, "sold-out");
		}
		answer(100, 10_000, 0, null, null);

		Tradeoff tradeoff = tradeoff();

		assertThat(tradeoff.acceptP50Ms()).isEqualTo(50);
		assertThat(tradeoff.acceptP95Ms()).isEqualTo(95);
		assertThat(tradeoff.acceptP99Ms()).isEqualTo(99);
		assertThat(tradeoff.acceptMaxMs()).isEqualTo(10_000);
		// (1 + ... + 99 + 10,000) / 100 = (4,950 + 10,000) / 100
		assertThat(tradeoff.acceptMeanMs()).isEqualTo(150);
	}

	@Test
	void aModeThatAnswersOnly501IsNotAvailable() {
		answer(0, 5, 501, null, "not-implemented");
		answer(1, 5, 501, null, "not-implemented");

		assertThat(tradeoff().available()).isFalse();
		assertThat(tradeoff().errors()).isEqualTo(2);
	}

	private Tradeoff tradeoff() {
		List<CheckoutAnswer> answers = new ArrayList<>(this.run.answers);
		return Tradeoff.of(ModeSummary.of(this.run, this.orders), answers, this.orders);
	}

	private void answer(int atMs, long latencyMs, int status, String orderId, String problem) {
		this.run.answered(new CheckoutAnswer("async", T0 + atMs, latencyMs, status, orderId, problem));
	}

	private void confirmed(String orderId) {
		settled(orderId, "CONFIRMED", null);
	}

	private void settled(String orderId, String status, String reason) {
		this.orders.put(orderId,
				new FinalOrder(orderId, status, reason, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 100)));
	}

}
