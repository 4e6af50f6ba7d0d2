package dev.xboxshop.localrun.badinput;

import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * What a curated case expects beyond the oracle: a status and slug, a status, a class
 * ({@code 4xx}, {@code 2xx}) or {@code documented} (the oracle alone).
 */
record Expectation(String status, String slug) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Expectation parse(String expected) {
		String[] parts = expected.split(" ");
		return new Expectation(parts[0], (parts.length > 1) ? parts[1] : null);
	}

	void check(String target, RawHttp.Request request, RawHttp.Answer answer) {
		String actual = String.valueOf(answer.status());
		boolean statusMatches = switch (this.status) {
			case "documented" -> true;
			case "4xx", "2xx" -> actual.charAt(0) == this.status.charAt(0);
			default -> actual.equals(this.status);
		};
		if (!statusMatches) {
			throw new AssertionError(target + " answered " + actual + " (" + slugOf(answer) + "), not " + this.status
					+ ": " + answer.text() + "\n  to " + request.describe());
		}
		if (this.slug != null && !this.slug.equals(slugOf(answer))) {
			throw new AssertionError(target + " answered " + slugOf(answer) + ", not " + this.slug + ": "
					+ answer.text() + "\n  to " + request.describe());
		}
	}

	private static String slugOf(RawHttp.Answer answer) {
		if (answer.status() < 400 || answer.body().length == 0) {
			return "-";
		}
		String type = JSON.readTree(answer.body()).path("type").asString();
		return type.startsWith(ProblemCatalog.TYPE_BASE) ? type.substring(ProblemCatalog.TYPE_BASE.length()) : type;
	}

}
