package dev.xboxshop.loadtest;

import java.util.function.Function;

/**
 * The tradeoff report's own knobs, from system properties (see the README's Load test
 * section).
 *
 * @param apologyCostCents what one oversold order costs the shop (voucher, support call)
 * @param ladder whether to climb the ladder before the launch
 * @param ladderCalls timed calls per rung
 * @param ladderConcurrency calls in flight at once on a rung
 * @param inventoryUrl inventory-service itself, for the direct product read
 * @param reportDir where {@code index.html} and {@code report.json} go
 * @param gatlingDir where Gatling writes its own reports (linked from the page)
 */
record ReportSettings(long apologyCostCents, boolean ladder, int ladderCalls, int ladderConcurrency,
		String inventoryUrl, String reportDir, String gatlingDir) {

	static ReportSettings fromSystemProperties(LaunchSettings launch) {
		return from(System::getProperty, launch);
	}

	static ReportSettings from(Function<String, String> properties, LaunchSettings launch) {
		String target = text(properties, "launch.targetDir", "target");
		return new ReportSettings(Long.parseLong(text(properties, "apologyCostCents", "2000")),
				Boolean.parseBoolean(text(properties, "ladder", "true")),
				Integer.parseInt(text(properties, "ladderCalls", "200")),
				Integer.parseInt(text(properties, "ladderConcurrency", "4")),
				text(properties, "inventoryUrl", LaunchSettings.siblingPort(launch.baseUrl(), 3)),
				text(properties, "launchReportDir", target + "/launch-report"), target + "/gatling");
	}

	private static String text(Function<String, String> properties, String name, String fallback) {
		String value = properties.apply(name);
		return (value != null && !value.isBlank()) ? value.trim() : fallback;
	}

}
