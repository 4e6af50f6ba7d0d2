package dev.xboxshop.loadtest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LadderTests {

	@Test
	void eachRungIsItsMedianOverTheNoOpsMedian() {
		Ladder ladder = Ladder.of(4, 1,
				List.of(Ladder.Rung.timed("no-op", "GET", new long[] { 400, 500, 600, 10_000 }, 0, ""),
						Ladder.Rung.timed("read", "GET", new long[] { 1_000, 1_500, 2_000, 2_500 }, 0, ""),
						Ladder.Rung.notAvailable("escrow buy", "POST", "not available: 501 not-implemented")));

		assertThat(ladder.rungs().get(0).ratio()).isCloseTo(1.0, within(1e-9));
		// nearest-rank p50 of four values is the second: 1,500 / 500
		assertThat(ladder.rungs().get(1).ratio()).isCloseTo(3.0, within(1e-9));
		assertThat(ladder.rungs().get(1).p99Micros()).isEqualTo(2_500);
		assertThat(ladder.rungs().get(1).meanMicros()).isEqualTo(1_750);
		assertThat(ladder.rungs().get(2).available()).isFalse();
		assertThat(ladder.rungs().get(2).ratio()).isZero();
		assertThat(ladder.table()).contains("| read | GET | 1.50 | 2.50 | 3.0 |")
			.contains("| escrow buy | POST | - | - | n/a | not available: 501 not-implemented |");
	}

}
