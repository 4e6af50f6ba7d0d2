package dev.xboxshop.localrun.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests generated from the services' OpenAPI descriptions that break them: hostile
 * path and query values, wrong methods, headers a client should not send, and bodies that
 * break the schema (missing, ill-typed, out-of-range or hostile properties, the wrong
 * JSON shape, too deep, too big, not JSON). None of them may change anything, and every
 * generator keeps it so: a sku is never one the catalog knows unless its quantity is
 * impossible, an operator token is never the right one, an id never one the shop holds.
 */
final class BrokenRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final Set<String> KNOWN_SKUS = Set.of("XBOX-SERIES-X", "XBOX-WIRELESS-CONTROLLER", "XBOX-WIRELESS-HEADSET",
			"STORAGE-EXPANSION-1TB", "GAME-PASS-ULTIMATE-3M");

	private static final List<String> HOSTILE = List.of("", " ", "..", "../..", "../../etc/passwd", "%2e%2e%2f",
			"x') redis.call('FLUSHALL') --", "]] redis.call('flushall') [[", "\r\n*1\r\n$8\r\nFLUSHALL\r\n",
			"' OR '1'='1", "1; DROP TABLE orders; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "%s%s%n", "a\u0000b", "ⅩⒷⓄⓍ", "🎮", "\u202e", "{x}", "*", "?", "#",
			"null", "-1", "0", "1e400", "xbox-series-x", "XBOX-SERIES-X ", " XBOX-SERIES-X");

	/** Quantities no order, cart or reservation may accept. */
	private static final List<String> IMPOSSIBLE_QUANTITIES = List.of("0", "-1", "-2147483648", "2147483648", "1000000",
			"99999999999999999999", "1.5", "1.0", "\"1\"", "\"one\"", "null", "true", "[]", "{}", "-0");

	private static final List<String> WRONG_TYPES = List.of("\"x\"", "1.5", "null", "true", "[]", "{}", "-1", "0",
			"2147483648", "\"\"", "[null]", "{\"a\":[]}");

	private BrokenRequests() {
	}

	/**
	 * A generated request and where it goes: {@code gateway} or the operation's service.
	 */
	record Probe(String target, RawHttp.Request request) {

		@Override
		public String toString() {
			return this.target + ": " + this.request.describe();
		}

	}

	static Arbitrary<Probe> from(List<ApiDescription.Operation> operations) {
		return Arbitraries.of(operations).flatMap(BrokenRequests::against);
	}

	private static Arbitrary<Probe> against(ApiDescription.Operation operation) {
		Arbitrary<String> target = Arbitraries.of("gateway", operation.service());
		Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(operation.method())),
				Tuple.of(1, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE")));
		return Combinators
			.combine(target, method, path(operation), query(operation), headers(operation), body(operation))
			.as((to, verb, path, query, headers, body) -> new Probe(to,
					new RawHttp.Request(verb, path + query, headers, body)));
	}

	static Arbitrary<String> hostile() {
		return Arbitraries
			.oneOf(Arbitraries.of(HOSTILE), Arbitraries.strings().ofMaxLength(30),
					Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(70),
					Arbitraries.strings().withChars('a', 'Z', '%', '/').ofMinLength(500).ofMaxLength(3000))
			.filter((value) -> !KNOWN_SKUS.contains(value) && !value.startsWith(BadInputShop.OWNER_KEY));
	}

	private static Arbitrary<String> path(ApiDescription.Operation operation) {
		Arbitrary<String> path = Arbitraries.just(operation.path());
		for (ApiDescription.Parameter parameter : operation.parameters()) {
			if (parameter.in().equals("path")) {
				String placeholder = "{" + parameter.name() + "}";
				path = path
					.flatMap((template) -> hostile().map((value) -> template.replace(placeholder, encode(value))));
			}
		}
		return path;
	}

	private static Arbitrary<String> query(ApiDescription.Operation operation) {
		List<Arbitrary<String>> parts = new ArrayList<>();
		for (ApiDescription.Parameter parameter : operation.parameters()) {
			if (parameter.in().equals("query")) {
				Arbitrary<String> value = parameter.type().equals("integer")
						? Arbitraries.of("-1", "0", "1.5", "2147483648", "abc", "", "99999999999999999999") : hostile();
				parts
					.add(Arbitraries.oneOf(Arbitraries.just(""), value.map((v) -> parameter.name() + "=" + encode(v))));
			}
		}
		parts.add(Arbitraries.oneOf(Arbitraries.just(""), hostile().map((v) -> "x=" + encode(v))));
		return Combinators.combine(parts).as((values) -> {
			String joined = String.join("&", values.stream().filter((v) -> !v.isEmpty()).toList());
			return joined.isEmpty() ? "" : "?" + joined;
		});
	}

	private static Arbitrary<List<Map.Entry<String, String>>> headers(ApiDescription.Operation operation) {
		List<Arbitrary<Map.Entry<String, String>>> pool = new ArrayList<>(List.of(
				header("Authorization",
						Arbitraries.oneOf(hostile(), hostile().map((v) -> "Bearer " + v),
								Arbitraries.of("Bearer", "Bearer xbox-launch-operator", "bearer bad-input-operator",
										"Basic YmFkOmlucHV0"))),
				header("Accept",
						Arbitraries.of("application/json", "application/xml", "text/html", "*/*", "garbage",
								"application/problem+json", "text/event-stream", "image/png")),
				header("X-Customer-Id", hostile()), header("X-Shop-Customer", hostile()),
				header("X-Forwarded-For", Arbitraries.oneOf(hostile(), Arbitraries.of("10.0.0.1", "::1, 10.0.0.2"))),
				header("X-Correlation-Id", hostile())));
		for (ApiDescription.Parameter parameter : operation.parameters()) {
			if (parameter.in().equals("header")) {
				pool.add(header(parameter.name(), hostile()));
				pool.add(header(parameter.name(), Arbitraries.of("sync", "async", "escrow", "SYNC")));
			}
		}
		Arbitrary<List<Map.Entry<String, String>>> chosen = Arbitraries.oneOf(pool).list().ofMaxSize(4);
		Arbitrary<List<Map.Entry<String, String>>> contentType = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.just(List.of(Map.entry("Content-Type", "application/json")))),
				Tuple.of(1,
						Arbitraries
							.of("text/plain", "application/xml", "garbage", "application/json;charset=utf-16",
									"application/x-www-form-urlencoded", "")
							.map((type) -> List.of(Map.entry("Content-Type", type)))),
				Tuple.of(1, Arbitraries.just(List.<Map.Entry<String, String>>of())));
		return Combinators.combine(chosen, contentType).as((some, type) -> {
			List<Map.Entry<String, String>> all = new ArrayList<>(type);
			all.addAll(some);
			return all;
		});
	}

	private static Arbitrary<Map.Entry<String, String>> header(String name, Arbitrary<String> values) {
		// a header value cannot carry a line break (the curated cases send that on
		// purpose)
		return values.map((value) -> Map.entry(name, value.replaceAll("[\r\n]", "")));
	}

	private static Arbitrary<byte[]> body(ApiDescription.Operation operation) {
		Arbitrary<String> broken = (operation.body() != null) ? value(operation.body(), 0) : Arbitraries.just("{}");
		Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(8, broken), Tuple.of(1, hostile()),
				Tuple.of(1, Arbitraries.of("[]", "null", "1", "\"s\"", "true", "", "{", "{}}")),
				Tuple.of(1, Arbitraries.integers().between(600, 6000).map((n) -> "[".repeat(n) + "]".repeat(n))),
				Tuple.of(1, Arbitraries.integers().between(16_385, 40_000).map("a"::repeat)));
		Arbitrary<byte[]> bytes = text.map((body) -> body.getBytes(StandardCharsets.UTF_8));
		return (operation.body() != null) ? bytes : Arbitraries.oneOf(Arbitraries.just((byte[]) null), bytes);
	}

	/** A JSON text for a schema, broken somewhere more often than not. */
	private static Arbitrary<String> value(JsonNode schema, int depth) {
		String type = schema.path("type").asString("object");
		Arbitrary<String> wrong = Arbitraries.of(WRONG_TYPES);
		Arbitrary<String> typed = switch (type) {
			case "object" -> (depth > 3) ? Arbitraries.just("{}") : object(schema, depth);
			case "array" -> (depth > 3) ? Arbitraries.just("[]")
					: value(schema.path("items"), depth + 1).list()
						.ofMaxSize(3)
						.map((items) -> "[" + String.join(",", items) + "]");
			case "integer", "number" -> Arbitraries.oneOf(Arbitraries.of(IMPOSSIBLE_QUANTITIES),
					Arbitraries.longs().map(String::valueOf), Arbitraries.doubles().map(String::valueOf));
			case "boolean" -> Arbitraries.of("true", "false");
			default -> hostile().map(JSON::writeValueAsString);
		};
		return Arbitraries.frequencyOf(Tuple.of(4, typed), Tuple.of(1, wrong));
	}

	private static Arbitrary<String> object(JsonNode schema, int depth) {
		List<Arbitrary<String>> fields = new ArrayList<>();
		Arbitrary<String> sku = Arbitraries.just("");
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String name = JSON.writeValueAsString(property.getKey());
			if (property.getKey().equals("sku")) {
				sku = sku(name);
				continue;
			}
			Arbitrary<String> field = value(property.getValue(), depth + 1).map((value) -> name + ":" + value);
			fields.add(Arbitraries.oneOf(Arbitraries.just(""), field, field));
		}
		fields.add(Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("\"totalCents\":1",
				"\"status\":\"CONFIRMED\"", "\"unitPriceCents\":0", "\"orderId\":\"bad-input-forged\"")));
		// last, so that a known sku's impossible quantity is the one a reader keeps
		fields.add(sku);
		return Combinators.combine(fields)
			.as((values) -> "{" + String.join(",", values.stream().filter((v) -> !v.isEmpty()).toList()) + "}");
	}

	/**
	 * A sku: a hostile one, or a known one followed by an impossible quantity (the last
	 * {@code quantity} is the one JSON readers keep, so the request stays invalid).
	 */
	private static Arbitrary<String> sku(String name) {
		return Arbitraries.oneOf(hostile().map((value) -> name + ":" + JSON.writeValueAsString(value)),
				Combinators.combine(Arbitraries.of(KNOWN_SKUS), Arbitraries.of(IMPOSSIBLE_QUANTITIES))
					.as((sku, quantity) -> name + ":\"" + sku + "\",\"quantity\":" + quantity));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
