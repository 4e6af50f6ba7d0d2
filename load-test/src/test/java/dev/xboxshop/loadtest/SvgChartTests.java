package dev.xboxshop.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTests {

	@Test
	void theScaleEndsOnARoundNumberAtOrAboveTheLargestValue() {
		assertThat(SvgChart.niceCeiling(1)).isEqualTo(1);
		assertThat(SvgChart.niceCeiling(3)).isEqualTo(5);
		assertThat(SvgChart.niceCeiling(120)).isEqualTo(200);
		assertThat(SvgChart.niceCeiling(501)).isEqualTo(1_000);
		assertThat(SvgChart.niceCeiling(1_000)).isEqualTo(1_000);
	}

	@Test
	void aSecondWithoutValueBreaksTheLine() {
		String svg = new SvgChart("latency", "ms").add("p99", "#d62728", new long[] { 10, 20, -1, 30, 40 }).svg();

		assertThat(svg).startsWith("<svg").endsWith("</svg>");
		assertThat(svg.split("<polyline", -1)).hasSize(3);
		assertThat(svg).contains("p99").doesNotContain("<script");
	}

}
