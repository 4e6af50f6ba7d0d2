package dev.xboxshop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a service's {@code /actuator/prometheus}, as Prometheus reads it: the
 * samples of the text format, each a name, its labels and a value. Tests ask for a
 * meter's samples by name and a few of their labels.
 *
 * @param status the HTTP status of the scrape
 * @param contentType the answer's content type
 * @param body the answer as text
 * @param samples every sample, in the order of the text
 */
public record PrometheusScrape(int status, String contentType, String body, List<Sample> samples) {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * Scrape {@code http://localhost:<port>/actuator/prometheus}.
	 * @param port the service's port
	 * @param headers header names and values, in pairs
	 * @return the scrape (any status)
	 */
	public static PrometheusScrape of(int port, String... headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return parse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static PrometheusScrape parse(int status, String contentType, String body) {
		List<Sample> samples = new ArrayList<>();
		if (status == 200) {
			for (String line : body.split("\n")) {
				Matcher sample = SAMPLE.matcher(line);
				if (!line.startsWith("#") && sample.matches()) {
					samples.add(new Sample(sample.group(1), labels(sample.group(2)), value(sample.group(3))));
				}
			}
		}
		return new PrometheusScrape(status, contentType, body, List.copyOf(samples));
	}

	/**
	 * The samples of one series name whose labels include the given ones.
	 * @param name the sample name, e.g. {@code shop_checkout_seconds_count}
	 * @param labels label names and values, in pairs
	 * @return the matching samples
	 */
	public List<Sample> samples(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i + 1 < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(wanted.entrySet()))
			.toList();
	}

	/**
	 * The sum of the matching samples' values, or empty when none matches.
	 * @param name the sample name
	 * @param labels label names and values, in pairs
	 * @return the sum
	 */
	public OptionalDouble value(String name, String... labels) {
		List<Sample> matching = samples(name, labels);
		return matching.isEmpty() ? OptionalDouble.empty()
				: OptionalDouble.of(matching.stream().mapToDouble(Sample::value).sum());
	}

	/**
	 * The sum of the matching samples' values, 0 when none matches (a counter not
	 * registered yet).
	 * @param name the sample name
	 * @param labels label names and values, in pairs
	 * @return the sum
	 */
	public double valueOrZero(String name, String... labels) {
		return value(name, labels).orElse(0);
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (text != null) {
			Matcher label = LABEL.matcher(text);
			while (label.find()) {
				labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
			}
		}
		return Map.copyOf(labels);
	}

	private static double value(String text) {
		return switch (text) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}

	/**
	 * One sample.
	 *
	 * @param name its name
	 * @param labels its labels
	 * @param value its value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

	}

}
