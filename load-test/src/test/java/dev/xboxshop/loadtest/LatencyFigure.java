package dev.xboxshop.loadtest;

import java.util.List;

/**
 * A published figure of what waiting costs a shop, as a share of sales lost for a given
 * delay. Each is read as a straight line through what its source measured, from no loss
 * at no delay, and never more than everything.
 *
 * @param name short name on the page
 * @param claim what the source says, in its own terms
 * @param source who said it, where and when
 * @param lossAt100Ms the share lost at 100 ms
 * @param lossAt400Ms the share lost at 400 ms (the line continues with this slope)
 */
record LatencyFigure(String name, String claim, String source, double lossAt100Ms, double lossAt400Ms) {

	static final LatencyFigure AMAZON = new LatencyFigure("Amazon (Linden 2006)",
			"every 100 ms of latency cost 1% of sales",
			"Greg Linden (Amazon), \"Make Data Useful\", talk at Stanford, 2006", 0.01, 0.04);

	static final LatencyFigure GOOGLE = new LatencyFigure("Google (Brutlag 2009)",
			"100 to 400 ms of added delay cost 0.2% to 0.6% of searches",
			"Jake Brutlag (Google), \"Speed Matters for Google Web Search\", 2009", 0.002, 0.006);

	static final LatencyFigure AKAMAI = new LatencyFigure("Akamai (2017)",
			"a 100 ms delay can cut conversion rates by up to 7%",
			"Akamai, \"Online Retail Performance Report: Milliseconds Are Critical\", 2017", 0.07, 0.28);

	static final List<LatencyFigure> ALL = List.of(AMAZON, GOOGLE, AKAMAI);

	/** The share of sales lost when buyers wait {@code delayMs} on average. */
	double lossAt(double delayMs) {
		if (delayMs <= 0) {
			return 0;
		}
		double loss = (delayMs <= 100) ? this.lossAt100Ms * delayMs / 100
				: this.lossAt100Ms + (this.lossAt400Ms - this.lossAt100Ms) * (delayMs - 100) / 300;
		return Math.min(1, loss);
	}

}
