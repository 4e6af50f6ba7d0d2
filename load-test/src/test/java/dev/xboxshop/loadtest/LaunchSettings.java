package dev.xboxshop.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one run of the launch simulation does, from system properties (see the README's
 * Load test section). Two profiles share every knob: {@code launch} (the default: a ramp
 * to a peak held for {@code seconds}, stock a tenth of the demand) and {@code capacity}
 * (the arrival rate stepped up until accept latency or errors break, stock for everyone).
 *
 * @param profile {@code launch} or {@code capacity}
 * @param baseUrl the gateway every parent goes through
 * @param orderUrl order-service itself, for {@code /api/backlog}, the auditor and the
 * orders' final states, read without spending the gateway the parents go through
 * @param operatorToken the operator token (never written to the summary)
 * @param modes checkout modes, run one after another, each on a freshly restocked X-Box
 * @param usersPerSec launch: the peak arrival rate per mode
 * @param rampSeconds launch: how long the ramp from 1/s to the peak lasts
 * @param seconds launch: how long the peak is held
 * @param stock units per mode; {@code -1}: {@code stockPercent} of the mode's arrivals
 * @param stockPercent launch: stock as a percentage of the orders a mode will place
 * @param browse whether each parent reads the product before buying
 * @param inventoryExtraLatencyMs chaos latency on inventory for the run
 * @param startRate capacity: the first step's arrival rate
 * @param stepRate capacity: how much each step adds
 * @param steps capacity: the most steps
 * @param stepSeconds capacity: how long each step lasts
 * @param p99LimitMs capacity: a step breaks when its accept p99 is above this
 * @param errorLimitPercent capacity: ... or when more than this share of answers are
 * errors (anything but 201, 202 and 409 sold-out)
 * @param requestTimeoutSeconds the longest a checkout may take before it counts as failed
 * @param settleSeconds how long to wait after a mode's load for its accepted orders to
 * become final
 * @param reportDir where {@code summary.json} and {@code summary.txt} go
 */
public record LaunchSettings(String profile, String baseUrl, String orderUrl, @JsonIgnore String operatorToken,
		List<String> modes, double usersPerSec, int rampSeconds, int seconds, int stock, double stockPercent,
		boolean browse, int inventoryExtraLatencyMs, double startRate, double stepRate, int steps, int stepSeconds,
		long p99LimitMs, double errorLimitPercent, int requestTimeoutSeconds, int settleSeconds, String reportDir) {

	public static final String CAPACITY = "capacity";

	public static final String LAUNCH = "launch";

	static LaunchSettings fromSystemProperties() {
		return from((name) -> System.getProperty(name));
	}

	static LaunchSettings from(Function<String, String> properties) {
		Source source = new Source(properties);
		String profile = source.text("profile", LAUNCH);
		if (!profile.equals(LAUNCH) && !profile.equals(CAPACITY)) {
			throw new IllegalArgumentException("profile must be launch or capacity, not " + profile);
		}
		String baseUrl = source.text("baseUrl", "http://localhost:8080");
		return new LaunchSettings(profile, baseUrl, source.text("orderUrl", siblingPort(baseUrl, 4)),
				source.text("operatorToken",
						System.getenv().getOrDefault("SHOP_OPERATOR_TOKEN", "xbox-launch-operator")),
				Arrays.stream(source.text("modes", "sync,async").split(","))
					.map(String::trim)
					.filter((mode) -> !mode.isEmpty())
					.toList(),
				source.number("usersPerSec", 200), (int) source.number("rampSeconds", 10),
				(int) source.number("seconds", 30), (int) source.number("stock", -1), source.number("stockPercent", 10),
				Boolean.parseBoolean(source.text("browse", "true")), (int) source.number("inventoryExtraLatencyMs", 0),
				source.number("startRate", 25), source.number("stepRate", 25), (int) source.number("steps", 12),
				(int) source.number("stepSeconds", 10), (long) source.number("p99LimitMs", 1000),
				source.number("errorLimitPercent", 1), (int) source.number("requestTimeoutSeconds", 20),
				(int) source.number("settleSeconds", 75),
				source.text("reportDir", source.text("launch.defaultReportDir", "target/launch")));
	}

	/** The service {@code offset} ports above the gateway (the launcher's layout). */
	static String siblingPort(String baseUrl, int offset) {
		URI uri = URI.create(baseUrl);
		int port = (uri.getPort() != -1) ? uri.getPort() : 80;
		return uri.getScheme() + "://" + uri.getHost() + ":" + (port + offset);
	}

	boolean capacity() {
		return CAPACITY.equals(this.profile);
	}

	/** How long one mode's load lasts. */
	int loadSeconds() {
		return capacity() ? this.steps * this.stepSeconds : this.rampSeconds + this.seconds;
	}

	/** The parents one mode will send, as the injection profile plans them. */
	long plannedArrivals() {
		if (capacity()) {
			double total = 0;
			for (int step = 0; step < this.steps; step++) {
				total += stepTarget(step) * this.stepSeconds;
			}
			return Math.round(total);
		}
		return Math.round((1 + this.usersPerSec) / 2 * this.rampSeconds + this.usersPerSec * this.seconds);
	}

	/** The arrival rate of a capacity step (0 is the first). */
	double stepTarget(int step) {
		return this.startRate + step * this.stepRate;
	}

	/** Units each mode starts with: ten times less than its demand unless set. */
	int stockPerMode() {
		if (this.stock >= 0) {
			return this.stock;
		}
		return capacity() ? (int) plannedArrivals()
				: (int) Math.max(1, Math.round(plannedArrivals() * this.stockPercent / 100));
	}

	/** An upper bound of the whole run, after which Gatling stops it. */
	Duration maxDuration() {
		long perMode = 10 + loadSeconds() + this.requestTimeoutSeconds + this.settleSeconds;
		return Duration.ofSeconds(perMode * this.modes.size() + 30);
	}

	private record Source(Function<String, String> properties) {

		String text(String name, String fallback) {
			String value = this.properties.apply(name);
			return (value != null && !value.isBlank()) ? value.trim() : fallback;
		}

		double number(String name, double fallback) {
			String value = this.properties.apply(name);
			return (value != null && !value.isBlank()) ? Double.parseDouble(value.trim()) : fallback;
		}

	}

}
