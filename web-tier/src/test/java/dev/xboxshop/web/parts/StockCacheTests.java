package dev.xboxshop.web.parts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.xboxshop.web.gateway.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockCacheTests {

	private static final Product XBOX = new Product("XBOX-SERIES-X", "X-Box Series X", "", 49999,
			"/images/xbox-series-x.svg", 12, 2, null);

	@Test
	void returnsTheLastLiveAnswerMarkedStale() {
		StockCache cache = new StockCache(Duration.ofMinutes(2), Clock.systemUTC());

		assertThat(cache.lastKnown("XBOX-SERIES-X")).isEmpty();
		ProductStock live = cache.remember(XBOX);

		assertThat(live.stale()).isFalse();
		assertThat(cache.lastKnown("XBOX-SERIES-X")).hasValueSatisfying((stale) -> {
			assertThat(stale.stale()).isTrue();
			assertThat(stale.available()).isEqualTo(12);
			assertThat(stale.asOf()).isEqualTo(live.asOf());
		});
	}

	@Test
	void forgetsAnswersOlderThanItsTtl() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-24T20:00:00Z"));
		StockCache cache = new StockCache(Duration.ofMinutes(2), clock);
		cache.remember(XBOX);

		clock.now = clock.now.plus(Duration.ofMinutes(3));

		assertThat(cache.lastKnown("XBOX-SERIES-X")).isEmpty();
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
