package dev.xboxshop.localrun.badinput;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * What every answer to bad input must be: no 5xx; only a status docs/contracts.md gives
 * the service that answered (or the gateway in front of it); on every 4xx an
 * {@code application/problem+json} body whose type is a slug of the one catalogue, with
 * that slug's status (a framework's {@code bad-request} keeps the status it was raised
 * with) and no stack trace. It also counts the statuses it saw.
 */
final class Oracle {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The statuses each service's table in docs/contracts.md gives (5xx never pass). */
	static final Map<String, Set<Integer>> DOCUMENTED = Map.of("inventory-service",
			Set.of(200, 201, 400, 401, 404, 405, 406, 409, 413, 415), "cart-service",
			// 401: a forged X-Shop-Customer (every servlet service checks the gateway's
			// proof)
			Set.of(200, 204, 400, 401, 404, 405, 406, 413, 415), "order-service",
			Set.of(200, 201, 202, 400, 401, 403, 404, 405, 406, 409, 413, 415, 422),
			// the edge: any service's answers, its own 429, and the storefront's pages
			"gateway", Set.of(200, 201, 202, 204, 400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429));

	private final SortedMap<Integer, AtomicLong> statuses = new TreeMap<>();

	private long requests;

	/**
	 * Checks one answer.
	 * @param service who was asked: a service's name, or {@code gateway}
	 * @param request what was sent, for the message
	 * @param answer what came back
	 * @throws AssertionError naming the request if the answer breaks the oracle
	 */
	synchronized void check(String service, RawHttp.Request request, RawHttp.Answer answer) {
		this.requests++;
		this.statuses.computeIfAbsent(answer.status(), (status) -> new AtomicLong()).incrementAndGet();
		int status = answer.status();
		if (status >= 500) {
			fail(service, request, answer, "a 5xx");
		}
		String slug = (status >= 400) ? problemSlug(service, request, answer) : null;
		// a HEAD answer has no body to name its slug: a framework's 4xx (414, 431)
		// counts as the bad-request the same request's GET says
		boolean headFramework4xx = "HEAD".equals(request.method()) && status >= 400 && status < 500;
		boolean documented = DOCUMENTED.get(service).contains(status) || "bad-request".equals(slug) || headFramework4xx;
		if (!documented) {
			fail(service, request, answer, "status " + status + ", which docs/contracts.md does not give it");
		}
	}

	private static String problemSlug(String service, RawHttp.Request request, RawHttp.Answer answer) {
		String type = answer.header("Content-Type");
		if (type == null || !type.startsWith("application/problem+json")) {
			fail(service, request, answer,
					"a " + answer.status() + " that is not application/problem+json (" + type + ")");
		}
		if ("HEAD".equals(request.method())) {
			return null;
		}
		JsonNode problem;
		try {
			problem = JSON.readTree(answer.body());
		}
		catch (RuntimeException ex) {
			throw new AssertionError(
					service + " answered an unreadable problem body to " + request.describe() + ": " + answer.text());
		}
		String typeUri = problem.path("type").asString();
		String slug = typeUri.startsWith(ProblemCatalog.TYPE_BASE)
				? typeUri.substring(ProblemCatalog.TYPE_BASE.length()) : "";
		if (!ProblemCatalog.slugs().containsKey(slug)) {
			fail(service, request, answer, "a problem type outside the catalogue (" + typeUri + ")");
		}
		if (problem.path("status").asInt() != answer.status()
				|| (!"bad-request".equals(slug) && ProblemCatalog.status(slug).value() != answer.status())) {
			fail(service, request, answer, "slug " + slug + " with status " + answer.status());
		}
		if (answer.text().contains("\tat ") || answer.text().contains("Exception")) {
			fail(service, request, answer, "a stack trace or exception name in the body");
		}
		return slug;
	}

	private static void fail(String service, RawHttp.Request request, RawHttp.Answer answer, String what) {
		String body = answer.text();
		throw new AssertionError(service + " answered " + what + ": " + answer.status() + " "
				+ body.substring(0, Math.min(body.length(), 500)) + "\n  to " + request.describe());
	}

	synchronized long requests() {
		return this.requests;
	}

	synchronized String statusesSeen() {
		StringBuilder seen = new StringBuilder();
		this.statuses.forEach((status,
				count) -> seen.append(seen.isEmpty() ? "" : ", ").append(status).append(" x ").append(count.get()));
		return seen.toString();
	}

}
