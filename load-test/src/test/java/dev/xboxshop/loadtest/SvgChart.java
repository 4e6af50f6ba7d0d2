package dev.xboxshop.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: seconds along the bottom, values up the side, one polyline
 * per series, no script. Points below zero are gaps (no value that second).
 */
final class SvgChart {

	private static final int WIDTH = 560;

	private static final int HEIGHT = 220;

	private static final int LEFT = 56;

	private static final int BOTTOM = 30;

	private static final int TOP = 40;

	private final String title;

	private final String unit;

	private final List<Series> series = new ArrayList<>();

	record Series(String name, String color, long[] values) {
	}

	SvgChart(String title, String unit) {
		this.title = title;
		this.unit = unit;
	}

	SvgChart add(String name, String color, long[] values) {
		this.series.add(new Series(name, color, values));
		return this;
	}

	/** The smallest of 1, 2, 5 times a power of ten at or above {@code max}. */
	static long niceCeiling(long max) {
		long step = 1;
		while (true) {
			for (long factor : new long[] { 1, 2, 5 }) {
				if (factor * step >= max) {
					return factor * step;
				}
			}
			step *= 10;
		}
	}

	String svg() {
		int points = this.series.stream().mapToInt((s) -> s.values().length).max().orElse(0);
		long max = niceCeiling(Math.max(1,
				this.series.stream().flatMapToLong((s) -> java.util.Arrays.stream(s.values())).max().orElse(1)));
		double plotWidth = WIDTH - LEFT - 10;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
				WIDTH, HEIGHT, WIDTH, HEIGHT));
		out.append("<title>").append(ReportPage.escape(this.title)).append("</title>");
		out.append(text(LEFT, 16, this.title + " (" + this.unit + ")", "start", "bold"));
		for (int i = 0; i <= 4; i++) {
			double y = TOP + plotHeight - plotHeight * i / 4;
			out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
					LEFT, y, WIDTH - 10, y));
			out.append(text(LEFT - 6, y + 4, String.valueOf(max * i / 4), "end", "normal"));
		}
		int lastSecond = Math.max(1, points - 1);
		for (int i = 0; i <= 4; i++) {
			double x = LEFT + plotWidth * i / 4;
			out.append(text(x, HEIGHT - BOTTOM + 16, (lastSecond * i / 4) + " s", "middle", "normal"));
		}
		int legendX = LEFT;
		for (Series s : this.series) {
			out.append(polyline(s, max, lastSecond, plotWidth, plotHeight));
			out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"22\" width=\"10\" height=\"10\" fill=\"%s\"/>",
					legendX, s.color()));
			out.append(text(legendX + 14, 31, s.name(), "start", "normal"));
			legendX += 14 + 7 * s.name().length() + 12;
		}
		return out.append("</svg>").toString();
	}

	private static String polyline(Series s, long max, int lastSecond, double plotWidth, double plotHeight) {
		StringBuilder out = new StringBuilder();
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < s.values().length; i++) {
			if (s.values()[i] < 0) {
				out.append(line(points, s.color()));
				points.setLength(0);
				continue;
			}
			double x = LEFT + plotWidth * i / lastSecond;
			double y = TOP + plotHeight - plotHeight * Math.min(s.values()[i], max) / max;
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return out.append(line(points, s.color())).toString();
	}

	private static String line(StringBuilder points, String color) {
		return points.isEmpty() ? "" : "<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"" + color + "\" points=\""
				+ points.toString().trim() + "\"/>";
	}

	private static String text(double x, double y, String text, String anchor, String weight) {
		return String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>", x, y,
				anchor, weight, ReportPage.escape(text));
	}

}
