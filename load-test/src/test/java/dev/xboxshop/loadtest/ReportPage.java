package dev.xboxshop.loadtest;

import java.util.List;
import java.util.Locale;

/**
 * The tradeoff report as one self-contained HTML page: tables, inline SVG charts, no
 * script and nothing fetched from elsewhere.
 */
final class ReportPage {

	private static final String STYLE = "body{font-family:sans-serif;margin:24px;max-width:1200px;color:#222}"
			+ "table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:4px 8px;"
			+ "text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f2f2f2}"
			+ "table.ladder td:nth-child(2),table.ladder td:nth-child(6){text-align:left}"
			+ ".mode{display:flex;flex-wrap:wrap;gap:8px}.note{color:#555;font-size:90%}";

	private final TradeoffReport report;

	ReportPage(TradeoffReport report) {
		this.report = report;
	}

	String html() {
		LaunchSettings s = this.report.settings();
		StringBuilder out = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
		out.append("<title>Launch tradeoff report</title><style>").append(STYLE).append("</style></head><body>");
		out.append("<h1>Launch tradeoff report</h1><p class=\"note\">")
			.append(escape(String.format(Locale.ROOT,
					"%s, profile %s: modes %s one after another, up to %s parents/s (ramp %d s, peak %d s), %d units per "
							+ "mode, through %s; load generator on %s.",
					this.report.generatedAt(), s.profile(), s.modes(), LaunchReport.rate(s.usersPerSec()),
					s.rampSeconds(), s.seconds(), s.stockPerMode(), s.baseUrl(), this.report.java())))
			.append("</p>");
		out.append("<h2>The modes side by side</h2>").append(table(header(""), this.report.table()));
		business(out);
		ladder(out);
		out.append("<h2>Second by second</h2><p class=\"note\">Latency of the checkouts sent in each second; "
				+ "states of the accepted orders at the end of each second (from their createdAt and updatedAt); "
				+ "order-service's booking backlog as sampled each second.</p>");
		this.report.modes().forEach((mode) -> charts(out, mode));
		String gatling = this.report.gatlingReport();
		out.append("<h2>Gatling's own report</h2><p>")
			.append((gatling != null) ? "<a href=\"" + escape(gatling) + "\">" + escape(gatling) + "</a>"
					: "none found")
			.append("</p></body></html>\n");
		return out.toString();
	}

	private List<String> header(String first) {
		List<String> header = new java.util.ArrayList<>(List.of(first));
		this.report.modes().forEach((m) -> header.add(m.tradeoff().mode()));
		return header;
	}

	private void business(StringBuilder out) {
		List<List<String>> rows = new java.util.ArrayList<>();
		rows.add(cells("revenue (confirmed x catalog price)", (b) -> money(b.revenueCents())));
		rows.add(cells("mean accept latency (ms)", (b) -> String.valueOf(b.meanAcceptMs())));
		for (int i = 0; i < LatencyFigure.ALL.size(); i++) {
			int f = i;
			rows.add(cells("latency penalty, " + LatencyFigure.ALL.get(f).name(),
					(b) -> money(b.penalties().get(f).penaltyCents())
							+ String.format(Locale.ROOT, " (%.2f%%)", 100 * b.penalties().get(f).lossShare())));
		}
		rows.add(cells("apologies for oversold orders", (b) -> money(b.apologiesCents())));
		for (int i = 0; i < LatencyFigure.ALL.size(); i++) {
			int f = i;
			rows.add(cells("net, " + LatencyFigure.ALL.get(f).name(), (b) -> money(b.penalties().get(f).netCents())));
		}
		out.append("<h2>The business line</h2>").append(table(header(""), rows));
		out.append("<p>Sources of the latency figures:</p><ul>");
		LatencyFigure.ALL.forEach((figure) -> out.append("<li><b>")
			.append(escape(figure.name()))
			.append("</b>: ")
			.append(escape(figure.claim()))
			.append(". ")
			.append(escape(figure.source()))
			.append(".</li>"));
		out.append("</ul><p>Assumptions of the model:</p><ul>")
			.append("<li>Revenue is every confirmed unit at the catalog price (")
			.append(money(this.report.unitPriceCents()))
			.append(", from <code>GET /api/products</code>); nothing is charged for an order cancelled later.</li>")
			.append("<li>The delay a buyer feels is the mode's mean accept latency (time to the checkout's answer, "
					+ "whatever it was), counted from zero, not over a baseline.</li>")
			.append("<li>Each figure is a straight line through what its source measured (Google: through 0.2% at "
					+ "100 ms and 0.6% at 400 ms, continued beyond), applied to the whole revenue, at most 100%. "
					+ "Google measured searches, Akamai conversions, Amazon sales: they are read here as sales.</li>")
			.append("<li>Each oversold order (accepted, then cancelled for stock) costs ")
			.append(money(this.report.apologyCostCents()))
			.append(" (<code>-DapologyCostCents</code>); other apologies (too late) are counted on the table but not "
					+ "charged.</li>")
			.append("<li>Buyers turned away are not charged as lost revenue: at a sell-out launch another buyer takes "
					+ "the unit; compare the confirmed rows.</li></ul>");
	}

	private List<String> cells(String name, java.util.function.Function<BusinessLine, String> cell) {
		List<String> row = new java.util.ArrayList<>(List.of(name));
		this.report.modes()
			.forEach((m) -> row.add(m.tradeoff().available() ? cell.apply(m.business()) : "not available"));
		return row;
	}

	private void ladder(StringBuilder out) {
		Ladder ladder = this.report.ladder();
		out.append("<h2>The ladder</h2>");
		if (ladder == null) {
			out.append("<p>Not climbed in this run (<code>-Dladder=false</code>).</p>");
			return;
		}
		out.append("<p class=\"note\">")
			.append(ladder.calls())
			.append(" timed calls per rung, ")
			.append(ladder.concurrency())
			.append(" at a time, after 20 untimed ones; each rung's p50 as a ratio to the no-op's.</p>");
		List<List<String>> rows = new java.util.ArrayList<>();
		for (Ladder.Rung rung : ladder.rungs()) {
			rows.add(List.of(rung.name(), rung.request(), Ladder.millis(rung.p50Micros()),
					Ladder.millis(rung.p99Micros()),
					rung.available() ? String.format(Locale.ROOT, "%.1f", rung.ratio()) : "n/a", rung.note()));
		}
		out.append(table(List.of("rung", "request", "p50 ms", "p99 ms", "x no-op (p50)", "note"), rows)
			.replace("<table>", "<table class=\"ladder\">"));
	}

	private static void charts(StringBuilder out, TradeoffReport.Mode mode) {
		List<Timeline.Second> seconds = mode.timeline().seconds();
		out.append("<h3>").append(escape(mode.tradeoff().mode())).append("</h3><div class=\"mode\">");
		out.append(new SvgChart(mode.tradeoff().mode() + ": accept latency", "ms")
			.add("p50", "#1f77b4", series(seconds, Timeline.Second::p50Ms))
			.add("p99", "#d62728", series(seconds, Timeline.Second::p99Ms))
			.svg());
		out.append(new SvgChart(mode.tradeoff().mode() + ": order states", "orders")
			.add("pending", "#ff7f0e", series(seconds, Timeline.Second::pending))
			.add("confirmed", "#2ca02c", series(seconds, Timeline.Second::confirmed))
			.add("cancelled", "#d62728", series(seconds, Timeline.Second::cancelled))
			.add("backlog", "#7f7f7f", series(seconds, Timeline.Second::backlog))
			.svg());
		out.append(new SvgChart(mode.tradeoff().mode() + ": answers per second", "per s")
			.add("sent", "#1f77b4", series(seconds, Timeline.Second::answers))
			.add("accepted", "#2ca02c", series(seconds, Timeline.Second::accepted))
			.add("turned away", "#9467bd", series(seconds, Timeline.Second::turnedAway))
			.svg());
		out.append("</div>");
	}

	private static long[] series(List<Timeline.Second> seconds, java.util.function.ToLongFunction<Timeline.Second> f) {
		return seconds.stream().mapToLong(f).toArray();
	}

	private static String table(List<String> header, List<List<String>> rows) {
		StringBuilder out = new StringBuilder("<table><tr>");
		header.forEach((cell) -> out.append("<th>").append(escape(cell)).append("</th>"));
		out.append("</tr>");
		for (List<String> row : rows) {
			out.append("<tr>");
			row.forEach((cell) -> out.append("<td>").append(escape(cell)).append("</td>"));
			out.append("</tr>");
		}
		return out.append("</table>").toString();
	}

	static String money(long cents) {
		return (cents < 0) ? "-" + money(-cents) : String.format(Locale.ROOT, "$%,d.%02d", cents / 100, cents % 100);
	}

	static String escape(String text) {
		return (text == null) ? ""
				: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
