package dev.xboxshop.localrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./shop trace <traceId>}: one trace followed through the log every service of the
 * shop writes, without a collector. A line belongs to the trace when it names its id: the
 * services' own log lines carry it (the logging pattern's correlation field), and so do
 * the span lines of {@code shop.tracing.log-spans}. The lines are put in time order; a
 * span line by its span's start, since it is written when the span ends.
 */
final class TraceLog {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\S+)");

	private static final Pattern SPAN_START = Pattern.compile(" start=(\\S+)");

	private TraceLog() {
	}

	/**
	 * One line of the trace: the service that wrote it, when it happened and the line as
	 * written (with the lines that continue it, a stack trace say).
	 */
	record Line(String service, Instant at, String text) {

		@Override
		public String toString() {
			return this.service + " | " + this.text;
		}

	}

	static boolean isTraceId(String text) {
		return text != null && TRACE_ID.matcher(text).matches();
	}

	/**
	 * Every line of the logs in a folder that names a trace, in time order.
	 * @param logs the shop's log folder ({@code <work dir>/logs}, one file per service)
	 * @param traceId the trace's 32 hexadecimal digits
	 * @return the lines; none if no log names the trace
	 */
	static List<Line> of(Path logs, String traceId) {
		if (!Files.isDirectory(logs)) {
			return List.of();
		}
		List<Line> lines = new ArrayList<>();
		try (Stream<Path> files = Files.list(logs)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
				lines.addAll(read(file, traceId));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the logs in " + logs, ex);
		}
		lines.sort(Comparator.comparing(Line::at));
		return lines;
	}

	private static List<Line> read(Path file, String traceId) throws IOException {
		String service = file.getFileName().toString().replaceFirst("\\.log$", "");
		List<Line> found = new ArrayList<>();
		// a malformed byte becomes a replacement character instead of an error
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
			StringBuilder entry = null;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (TIMESTAMP.matcher(line).find()) {
					keepIfTraced(entry, service, traceId, found);
					entry = new StringBuilder(line);
				}
				else if (entry != null) {
					entry.append(System.lineSeparator()).append(line);
				}
			}
			keepIfTraced(entry, service, traceId, found);
		}
		return found;
	}

	private static void keepIfTraced(StringBuilder entry, String service, String traceId, List<Line> found) {
		if (entry != null && entry.indexOf(traceId) >= 0) {
			String text = entry.toString();
			found.add(new Line(service, when(text), text));
		}
	}

	private static Instant when(String text) {
		Matcher start = SPAN_START.matcher(text);
		Matcher written = TIMESTAMP.matcher(text);
		try {
			if (start.find()) {
				return Instant.parse(start.group(1));
			}
			return written.find() ? OffsetDateTime.parse(written.group(1)).toInstant() : Instant.EPOCH;
		}
		catch (DateTimeParseException ex) {
			return Instant.EPOCH;
		}
	}

}
