package dev.xboxshop.loadtest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The tradeoff report of one launch run: the modes side by side, the business line, the
 * ladder and each mode's seconds, from the simulation's own records and the shop's own
 * data (orders read back, catalog prices, backlog samples, the auditor); never from
 * Gatling's files, which change between releases. Written as {@code report.json} and as
 * {@code index.html} (inline SVG, no script).
 *
 * @param generatedAt when it was written
 * @param java the load generator's JVM
 * @param settings the run's settings
 * @param apologyCostCents the cost of one oversold order
 * @param unitPriceCents the X-Box's catalog price (-1: catalog unreadable)
 * @param modes one entry per mode, in run order
 * @param ladder the ladder, null when not climbed
 * @param gatlingReport Gatling's own report, relative to the page (null: none found)
 */
record TradeoffReport(String generatedAt, String java, LaunchSettings settings, long apologyCostCents,
		long unitPriceCents, List<Mode> modes, Ladder ladder, String gatlingReport) {

	/**
	 * @param tradeoff the mode's column
	 * @param business its business line
	 * @param timeline its seconds
	 */
	record Mode(Tradeoff tradeoff, BusinessLine business, Timeline timeline) {
	}

	static Mode mode(ModeSummary summary, ModeRun run, Map<String, FinalOrder> orders, long unitPriceCents,
			long apologyCostCents) {
		List<CheckoutAnswer> answers = List.copyOf(run.answers);
		Tradeoff tradeoff = Tradeoff.of(summary, answers, orders);
		return new Mode(tradeoff,
				BusinessLine.of(tradeoff, Math.max(0, unitPriceCents), apologyCostCents, LatencyFigure.ALL),
				Timeline.of(answers, orders, List.copyOf(run.backlog)));
	}

	/**
	 * The newest Gatling run folder of this simulation, as a link from the report's
	 * folder.
	 */
	static String gatlingReport(ReportSettings settings) {
		File[] runs = new File(settings.gatlingDir()).listFiles((file) -> file.isDirectory()
				&& file.getName().startsWith(LaunchDaySimulation.class.getSimpleName().toLowerCase() + "-"));
		if (runs == null || runs.length == 0) {
			return null;
		}
		File newest = Arrays.stream(runs).max(Comparator.comparingLong(File::lastModified)).get();
		Path page = Path.of(settings.reportDir()).toAbsolutePath();
		return page.relativize(newest.toPath().toAbsolutePath().resolve("index.html")).toString();
	}

	/** The main table: one row per figure, one column per mode. */
	List<List<String>> table() {
		List<List<String>> rows = new ArrayList<>();
		row(rows, "checkouts sent", (m) -> String.valueOf(m.checkouts()));
		row(rows, "accept p50 / p95 / p99 / max (ms)",
				(m) -> m.acceptP50Ms() + " / " + m.acceptP95Ms() + " / " + m.acceptP99Ms() + " / " + m.acceptMaxMs());
		row(rows, "accept to final p50 / p99 (ms)", (m) -> m.finalP50Ms() + " / " + m.finalP99Ms());
		row(rows, "throughput: accepted per s", (m) -> LaunchReport.rate(m.acceptedPerSecond()));
		row(rows, "confirmed", (m) -> String.valueOf(m.confirmed()));
		row(rows, "sold-out answers (409)", (m) -> String.valueOf(m.soldOut()));
		row(rows, "turned away: lost sales (503, 504, 429, no answer)", (m) -> String.valueOf(m.turnedAway()));
		row(rows, "oversold (accepted, cancelled for stock)", (m) -> String.valueOf(m.oversold()));
		row(rows, "apologies (accepted, then cancelled)", (m) -> String.valueOf(m.apologies()));
		row(rows, "errors", (m) -> m.errors() + (m.errorsByAnswer().isEmpty() ? "" : " " + m.errorsByAnswer()));
		row(rows, "audit verdict", Tradeoff::auditVerdict);
		return rows;
	}

	private void row(List<List<String>> rows, String name, Function<Tradeoff, String> cell) {
		List<String> row = new ArrayList<>(List.of(name));
		this.modes.forEach((m) -> row.add(m.tradeoff().available() ? cell.apply(m.tradeoff())
				: rows.isEmpty() ? cell.apply(m.tradeoff()) + ", every one answered 501: not available" : "-"));
		rows.add(row);
	}

	/** The main table as Markdown, for the console and the README. */
	String markdown() {
		StringBuilder out = new StringBuilder("| |");
		this.modes.forEach((m) -> out.append(' ').append(m.tradeoff().mode()).append(" |"));
		out.append("\n|---|").append("---|".repeat(this.modes.size())).append('\n');
		table().forEach((row) -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
		return out.toString();
	}

	/** Writes {@code report.json} and {@code index.html}; returns the page. */
	Path write(String reportDir) throws IOException {
		Path dir = Path.of(reportDir);
		Files.createDirectories(dir);
		new ObjectMapper().findAndRegisterModules()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.writeValue(dir.resolve("report.json").toFile(), this);
		Path page = dir.resolve("index.html");
		Files.writeString(page, new ReportPage(this).html());
		return page;
	}

}
