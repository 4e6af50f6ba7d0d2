package dev.xboxshop.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The run's figures as one Markdown table with a column per mode (plus a table of steps
 * per mode for the capacity profile), and as JSON for later reports.
 */
final class LaunchReport {

	private final LaunchSettings settings;

	private final List<ModeSummary> modes;

	LaunchReport(LaunchSettings settings, List<ModeSummary> modes) {
		this.settings = settings;
		this.modes = modes;
	}

	String table() {
		List<String[]> rows = new ArrayList<>();
		row(rows, "stock / checkouts sent", (m) -> m.stock() + " / " + m.sent());
		row(rows, "accept p50 / p95 / p99 (ms)",
				(m) -> m.acceptP50Ms() + " / " + m.acceptP95Ms() + " / " + m.acceptP99Ms());
		row(rows, "201/202 answers alone p50 / p99 (ms)", (m) -> m.acceptedP50Ms() + " / " + m.acceptedP99Ms());
		row(rows, "accepted (201/202), per s", (m) -> m.accepted() + ", " + rate(m.acceptedPerSecond()));
		row(rows, "booked (final), per s", (m) -> m.booked() + ", " + rate(m.bookedPerSecond()));
		row(rows, "accept to final p50 / p99 (ms)", (m) -> m.finalP50Ms() + " / " + m.finalP99Ms());
		row(rows, "confirmed", (m) -> String.valueOf(m.confirmed()));
		TreeSet<String> reasons = new TreeSet<>();
		this.modes.forEach((m) -> reasons.addAll(m.cancelledByReason().keySet()));
		for (String reason : reasons) {
			row(rows, "cancelled: " + reason, (m) -> String.valueOf(m.cancelledByReason().getOrDefault(reason, 0L)));
		}
		if (reasons.isEmpty()) {
			row(rows, "cancelled", (m) -> "0");
		}
		row(rows, "sold-out answers (409)", (m) -> String.valueOf(m.soldOut()));
		row(rows, "503 busy / warehouse", (m) -> m.busy() + " / " + m.warehouse());
		row(rows, "other answers", LaunchReport::otherAnswers);
		row(rows, "still ACCEPTED at the end", (m) -> String.valueOf(m.notFinal()));
		row(rows, "peak backlog (in flight)", (m) -> m.peakInFlight() + (m.shedSeen() ? ", shedding" : ""));
		row(rows, "auditor after the mode", ModeSummary::auditVerdict);
		row(rows, "stranded in leases at the end, reclaimed after", ModeSummary::leasesAfterSale);
		if (this.settings.capacity()) {
			row(rows, "knee (last step that held)", (m) -> knee(m, this.settings.steps()));
		}
		StringBuilder out = new StringBuilder();
		List<String> header = new ArrayList<>(List.of(""));
		this.modes.forEach((m) -> header.add(m.mode()));
		line(out, header);
		line(out, header.stream().map((cell) -> "---").toList());
		rows.forEach((row) -> line(out, List.of(row)));
		if (this.settings.capacity()) {
			this.modes.forEach((m) -> steps(out, m));
		}
		return out.toString();
	}

	private void row(List<String[]> rows, String name, Function<ModeSummary, String> cell) {
		String[] row = new String[this.modes.size() + 1];
		row[0] = name;
		for (int i = 0; i < this.modes.size(); i++) {
			row[i + 1] = cell.apply(this.modes.get(i));
		}
		rows.add(row);
	}

	static String knee(ModeSummary mode, int plannedSteps) {
		if (mode.knee() == null) {
			return "none held";
		}
		boolean neverBroke = mode.steps().size() == plannedSteps && mode.steps().stream().allMatch(CapacityStep::held);
		return rate(mode.knee().targetRate()) + " parents/s" + (neverBroke ? " or more (no step broke)" : "");
	}

	private static String otherAnswers(ModeSummary mode) {
		String others = mode.answers()
			.entrySet()
			.stream()
			.filter((entry) -> !List
				.of("201", "202", "409 sold-out", "503 busy", "503 warehouse-busy", "503 warehouse-unavailable")
				.contains(entry.getKey()))
			.map((entry) -> entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining("; "));
		return others.isEmpty() ? "none" : others;
	}

	private static void steps(StringBuilder out, ModeSummary mode) {
		out.append('\n').append("Capacity steps, ").append(mode.mode()).append(":\n\n");
		line(out, List.of("step", "target/s", "sent", "answered", "p50 ms", "p99 ms", "errors", "verdict"));
		line(out, List.of("---", "---", "---", "---", "---", "---", "---", "---"));
		for (CapacityStep step : mode.steps()) {
			line(out,
					List.of(String.valueOf(step.step() + 1), rate(step.targetRate()), String.valueOf(step.sent()),
							String.valueOf(step.answered()), String.valueOf(step.p50Ms()), String.valueOf(step.p99Ms()),
							step.errors() + String.format(" (%.1f%%)", step.errorPercent()), step.why()));
		}
	}

	private static void line(StringBuilder out, List<String> cells) {
		out.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	static String rate(double perSecond) {
		return (perSecond == Math.rint(perSecond)) ? String.valueOf((long) perSecond)
				: String.format("%.1f", perSecond);
	}

	/** Writes {@code summary.json} and {@code summary.md} and says where. */
	Path write(JsonNode finalAudit) throws IOException {
		Path dir = Path.of(this.settings.reportDir());
		Files.createDirectories(dir);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("settings", this.settings);
		summary.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		summary.put("modes", this.modes);
		summary.put("finalAudit", finalAudit);
		ObjectMapper json = new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);
		json.writeValue(dir.resolve("summary.json").toFile(), summary);
		Files.writeString(dir.resolve("summary.md"), table());
		return dir.resolve("summary.json");
	}

}
