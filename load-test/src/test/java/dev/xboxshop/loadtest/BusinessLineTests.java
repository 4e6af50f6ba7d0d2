package dev.xboxshop.loadtest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BusinessLineTests {

	@Test
	void amazonsFigureCostsOnePercentPer100Ms() {
		assertThat(LatencyFigure.AMAZON.lossAt(100)).isCloseTo(0.01, within(1e-9));
		assertThat(LatencyFigure.AMAZON.lossAt(250)).isCloseTo(0.025, within(1e-9));
		assertThat(LatencyFigure.AMAZON.lossAt(40)).isCloseTo(0.004, within(1e-9));
	}

	@Test
	void googlesFigureRunsThroughItsTwoMeasurements() {
		assertThat(LatencyFigure.GOOGLE.lossAt(50)).isCloseTo(0.001, within(1e-9));
		assertThat(LatencyFigure.GOOGLE.lossAt(100)).isCloseTo(0.002, within(1e-9));
		assertThat(LatencyFigure.GOOGLE.lossAt(250)).isCloseTo(0.004, within(1e-9));
		assertThat(LatencyFigure.GOOGLE.lossAt(400)).isCloseTo(0.006, within(1e-9));
		assertThat(LatencyFigure.GOOGLE.lossAt(700)).isCloseTo(0.010, within(1e-9));
	}

	@Test
	void akamaisFigureNeverCostsMoreThanEverything() {
		assertThat(LatencyFigure.AKAMAI.lossAt(100)).isCloseTo(0.07, within(1e-9));
		assertThat(LatencyFigure.AKAMAI.lossAt(2_000)).isEqualTo(1.0);
		assertThat(LatencyFigure.AKAMAI.lossAt(0)).isZero();
		assertThat(LatencyFigure.AKAMAI.lossAt(-5)).isZero();
	}

	@Test
	void netIsRevenueLessTheLatencyPenaltyLessTheApologies() {
		// 10 confirmed at $499.99, mean accept 200 ms, 3 oversold at $20 each
		BusinessLine line = BusinessLine.of(mode(10, 3, 200), 49_999, 2_000, LatencyFigure.ALL);

		assertThat(line.revenueCents()).isEqualTo(499_990);
		assertThat(line.apologiesCents()).isEqualTo(6_000);
		assertThat(line.meanAcceptMs()).isEqualTo(200);
		BusinessLine.Penalty amazon = line.penalties().get(0);
		assertThat(amazon.figure()).isEqualTo(LatencyFigure.AMAZON.name());
		assertThat(amazon.lossShare()).isCloseTo(0.02, within(1e-9));
		assertThat(amazon.penaltyCents()).isEqualTo(10_000); // 2% of 499,990 = 9,999.8
		assertThat(amazon.netCents()).isEqualTo(499_990 - 10_000 - 6_000);
		BusinessLine.Penalty akamai = line.penalties().get(2);
		// 7% + 21% * 100 / 300 = 14%
		assertThat(akamai.lossShare()).isCloseTo(0.14, within(1e-9));
		assertThat(akamai.netCents()).isEqualTo(499_990 - 69_999 - 6_000);
	}

	@Test
	void onlyConfirmedOrdersEarnAndOnlyOversoldOnesCostAnApology() {
		BusinessLine line = BusinessLine.of(mode(0, 5, 0), 49_999, 2_000, List.of(LatencyFigure.AMAZON));

		assertThat(line.revenueCents()).isZero();
		assertThat(line.penalties().get(0).penaltyCents()).isZero();
		assertThat(line.penalties().get(0).netCents()).isEqualTo(-10_000);
	}

	private static Tradeoff mode(long confirmed, long oversold, long meanMs) {
		return new Tradeoff("async", true, 100, 1, 1, 1, 1, meanMs, 1, 1, 1, confirmed + oversold, confirmed, 0, 7,
				oversold, oversold + 4, 0, Map.of(), "PASS");
	}

}
