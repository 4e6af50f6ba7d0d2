package dev.xboxshop.localrun.badinput;

import dev.xboxshop.localrun.ShopOptions;
import dev.xboxshop.websupport.identity.CustomerTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hand-written case of {@code bad-input/cases.txt}: a line
 * {@code name | via | METHOD target | headers | body | expected}. {@code via} is
 * {@code edge} (through the gateway), {@code direct} (the service the path belongs to),
 * {@code both}, or a service's name. {@code headers} is {@code Name: value ;; ...} or
 * {@code -}. {@code expected} is a status and slug ({@code 400 invalid-quantity}), a
 * status, {@code 4xx}, or {@code documented} (any status the oracle allows: for a case
 * whose answer is not fixed yet). Placeholders: {@code ${OWNER}} (the id of the order the
 * suite found), {@code ${OWNER_KEY}}, {@code ${OWNER_BODY}}, {@code ${KEY}} (a fresh
 * idempotency key), {@code ${ID}} (a fresh id), {@code ${A*n}} (n letters),
 * {@code ${NEST*n}} (n nested arrays), {@code ${OBJ*n}} (n nested objects),
 * {@code ${ITEMS*n}} (n order lines of unknown skus), {@code ${DIGITS*n}},
 * {@code ${CRLF}}, {@code ${PIPE}}, {@code ${SEMI}}.
 */
record CuratedCase(int line, String name, String via, String method, String target, String headers, String body,
		String expected) {

	/** The buyer every order case acts for unless it names its own identity. */
	static final String BUYER = "bad-input-buyer";

	private static final CustomerTokens TOKENS = new CustomerTokens(ShopOptions.DEFAULT_IDENTITY_SECRET);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)(?:\\*(\\d+))?}");

	static List<CuratedCase> load(String resource) {
		List<CuratedCase> cases = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				CuratedCase.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split("\\s\\|\\s", -1);
				if (fields.length != 6) {
					throw new IllegalArgumentException(resource + ":" + number + " has " + fields.length
							+ " fields, not 6 (name | via | METHOD target | headers | body | expected)");
				}
				String[] request = fields[2].trim().split(" ", 2);
				cases.add(new CuratedCase(number, fields[0].trim(), fields[1].trim(), request[0], request[1].trim(),
						fields[3].trim(), fields[4].trim(), fields[5].trim()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return cases;
	}

	/** Where the case is sent: {@code gateway} and/or the service the path belongs to. */
	List<String> targets() {
		String service = ApiOwners.serviceOf(this.target);
		return switch (this.via) {
			case "edge" -> List.of("gateway");
			case "direct" -> List.of(service);
			case "both" -> List.of("gateway", service);
			default -> List.of(this.via);
		};
	}

	RawHttp.Request request(BadInputShop shop) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		boolean contentType = false;
		boolean key = false;
		if (!"-".equals(this.headers)) {
			for (String header : this.headers.split(" ;; ")) {
				int colon = header.indexOf(':');
				String name = header.substring(0, colon).trim();
				String value = expand(header.substring(colon + 1).trim(), shop);
				contentType |= name.equalsIgnoreCase("Content-Type");
				key |= name.equalsIgnoreCase("Idempotency-Key");
				if (!"none".equals(value)) {
					headers.add(Map.entry(name, value));
				}
			}
		}
		byte[] body = "-".equals(this.body) ? null : expand(this.body, shop).getBytes(StandardCharsets.UTF_8);
		if (body != null && !contentType) {
			headers.add(Map.entry("Content-Type", "application/json"));
		}
		if ("POST".equals(this.method) && this.target.startsWith("/api/orders") && !key) {
			headers.add(Map.entry("Idempotency-Key", BadInputShop.fresh("bad-input-key")));
		}
		if (this.target.startsWith("/api/orders") && !names(headers).contains("authorization")
				&& !names(headers).contains("x-shop-customer") && !mentions("Authorization")) {
			// a verified buyer, as the gateway (its bearer token) and the services (the
			// gateway's proof) know one, so the case reaches what it tests; identity
			// cases
			// name their own headers
			// the owner's body, or one naming the owner, replayed is the owner's request
			String customer = (this.body.contains("${OWNER_BODY}")
					|| this.body.contains("\"customerId\":\"" + BadInputShop.OWNER + "\"")) ? BadInputShop.OWNER
							: BUYER;
			headers.add(Map.entry("Authorization", "Bearer " + TOKENS.issue(customer)));
			headers.add(Map.entry(CustomerTokens.CUSTOMER_HEADER, customer));
			headers.add(Map.entry(CustomerTokens.PROOF_HEADER, TOKENS.proof(customer)));
		}
		return new RawHttp.Request(this.method, expand(this.target, shop), headers, body);
	}

	private static List<String> names(List<Map.Entry<String, String>> headers) {
		return headers.stream().map((header) -> header.getKey().toLowerCase(Locale.ROOT)).toList();
	}

	/** Whether the case names the header, also as {@code none} (left out on purpose). */
	private boolean mentions(String header) {
		return !"-".equals(this.headers)
				&& this.headers.toLowerCase(Locale.ROOT).contains(header.toLowerCase(Locale.ROOT) + ":");
	}

	static String expand(String text, BadInputShop shop) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			int n = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 0;
			String value = switch (matcher.group(1)) {
				case "OWNER" -> shop.ownerOrderId();
				case "OWNER_KEY" -> BadInputShop.OWNER_KEY;
				case "OWNER_BODY" -> BadInputShop.OWNER_BODY;
				case "KEY" -> BadInputShop.fresh("bad-input-key");
				case "ID" -> BadInputShop.fresh("bad-input");
				case "PROOF" -> TOKENS.proof(BUYER);
				case "OPERATOR" -> BadInputShop.OPERATOR_TOKEN;
				case "A" -> "a".repeat(n);
				case "DIGITS" -> "9".repeat(n);
				case "NEST" -> "[".repeat(n) + "]".repeat(n);
				case "OBJ" -> "{\"a\":".repeat(n) + "1" + "}".repeat(n);
				case "ITEMS" -> items(n);
				case "CRLF" -> "\r\n";
				case "PIPE" -> "|";
				case "SEMI" -> ";";
				default -> throw new IllegalArgumentException("Unknown placeholder " + matcher.group());
			};
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	private static String items(int n) {
		StringBuilder items = new StringBuilder("[");
		for (int i = 0; i < n; i++) {
			items.append((i > 0) ? "," : "").append("{\"sku\":\"NOPE-").append(i).append("\",\"quantity\":1}");
		}
		return items.append(']').toString();
	}

	@Override
	public String toString() {
		return "line " + this.line + ": " + this.name;
	}

}
