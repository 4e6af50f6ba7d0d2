package dev.xboxshop.web.lab;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutLatenciesTests {

	private final CheckoutLatencies latencies = new CheckoutLatencies(new LabProperties(200, Duration.ofSeconds(5), 32,
			Duration.ofSeconds(5), 100, 1000, "sync", Duration.ofSeconds(30), Duration.ofSeconds(1)));

	@Test
	void percentilesAreNearestRankOfTheRecentCheckoutsPerMode() {
		for (int ms = 1; ms <= 100; ms++) {
			this.latencies.record("async", ms * 1_000L);
		}

		CheckoutLatencies.Figures async = this.latencies.figures().get("async");
		assertThat(async.count()).isEqualTo(100);
		assertThat(async.p50Ms()).isEqualTo(50.0);
		assertThat(async.p99Ms()).isEqualTo(99.0);
		assertThat(this.latencies.figures().get("sync").p50Ms()).as("no rush in sync, no figure").isNull();
	}

	@Test
	void keepsOnlyTheWindow() {
		for (int i = 0; i < 100; i++) {
			this.latencies.record("sync", 900_000L);
		}
		for (int i = 0; i < 100; i++) {
			this.latencies.record("sync", 10_000L);
		}

		assertThat(this.latencies.figures().get("sync").p99Ms()).isEqualTo(10.0);
		assertThat(this.latencies.figures().get("sync").count()).isEqualTo(100);
	}

	@Test
	void aNewRushInAModeStartsItsFiguresOver() {
		this.latencies.record("sync", 900_000L);
		this.latencies.record("async", 5_000L);

		this.latencies.startOver("sync");
		this.latencies.record("sync", 20_000L);

		assertThat(this.latencies.figures().get("sync").count()).isEqualTo(1);
		assertThat(this.latencies.figures().get("sync").p99Ms()).isEqualTo(20.0);
		assertThat(this.latencies.figures().get("async").count()).as("other modes keep theirs").isEqualTo(1);
	}

	@Test
	void ignoresAnUnknownMode() {
		this.latencies.record("turbo", 1_000L);

		assertThat(this.latencies.figures()).containsOnlyKeys("sync", "async", "escrow");
	}

}
