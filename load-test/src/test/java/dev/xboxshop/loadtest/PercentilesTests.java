package dev.xboxshop.loadtest;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PercentilesTests {

	@Test
	void nearestRankIsAlwaysAMeasuredValue() {
		Percentiles percentiles = Percentiles.of(LongStream.rangeClosed(1, 100).map((i) -> 101 - i).toArray());
		assertThat(percentiles.at(50)).isEqualTo(50);
		assertThat(percentiles.at(95)).isEqualTo(95);
		assertThat(percentiles.at(99)).isEqualTo(99);
		assertThat(percentiles.at(100)).isEqualTo(100);
	}

	@Test
	void highPercentileOfFewValuesIsTheLargest() {
		Percentiles percentiles = Percentiles.of(new long[] { 30, 10, 20 });
		assertThat(percentiles.at(99)).isEqualTo(30);
		assertThat(percentiles.at(50)).isEqualTo(20);
		assertThat(percentiles.at(1)).isEqualTo(10);
	}

	@Test
	void oneSlowAnswerInAHundredIsTheP100NotTheP99() {
		long[] values = LongStream.generate(() -> 10).limit(100).toArray();
		values[42] = 5_000;
		assertThat(Percentiles.of(values).at(99)).isEqualTo(10);
		assertThat(Percentiles.of(values).at(100)).isEqualTo(5_000);
	}

	@Test
	void noValuesGiveMinusOne() {
		assertThat(Percentiles.of(new long[0]).at(99)).isEqualTo(-1);
	}

	@Test
	void rejectsPercentilesOutsideTheRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(new long[] { 1 }).at(0));
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(new long[] { 1 }).at(101));
	}

}
