package dev.xboxshop.web.order;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElapsedTests {

	@Test
	void saysHowLongInTheLargestUnitsThatMatter() {
		assertThat(Elapsed.format(Duration.ofSeconds(42))).isEqualTo("42 s");
		assertThat(Elapsed.format(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
		assertThat(Elapsed.format(Duration.ofMinutes(127))).isEqualTo("2 h 07 min");
		assertThat(Elapsed.format(Duration.ofHours(76))).isEqualTo("3 d 4 h");
	}

	@Test
	void countsFromTheOrdersCreationAndNeverBelowZero() {
		Instant now = Instant.parse("2026-12-01T10:00:00Z");
		assertThat(Elapsed.since("2026-12-01T09:59:18Z", now)).contains(Duration.ofSeconds(42));
		assertThat(Elapsed.since("2026-12-01T10:00:05Z", now)).contains(Duration.ZERO);
		assertThat(Elapsed.since("yesterday", now)).isEmpty();
		assertThat(Elapsed.since(null, now)).isEmpty();
	}

}
