package dev.xboxshop.gateway.problems;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import dev.xboxshop.gateway.edge.CorrelationIdFilter;

/**
 * RFC 9457 problem bodies the gateway itself answers with. Each carries the request's
 * correlation id, so a client can quote it.
 */
public final class Problems {

	public static final String TYPE_BASE = "https://xbox-shop.example/problems/";

	private Problems() {
	}

	public static Map<String, Object> body(HttpStatusCode status, String slug, String detail,
			ServerWebExchange exchange) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_BASE + slug);
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.put("title", (known != null) ? known.getReasonPhrase() : "Error");
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", originalPath(exchange));
		String correlationId = exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE);
		if (correlationId != null) {
			problem.put("correlationId", correlationId);
		}
		return problem;
	}

	/** The path the client asked for, also after a forward to a fallback. */
	private static String originalPath(ServerWebExchange exchange) {
		String original = exchange.getAttribute(CorrelationIdFilter.ORIGINAL_PATH_ATTRIBUTE);
		return (original != null) ? original : exchange.getRequest().getPath().value();
	}

	/** The shop's slug for a status the gateway answers without a more specific one. */
	public static String slugFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "malformed-request";
			case 401 -> "unauthorized";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 429 -> "rate-limited";
			case 503 -> "service-unavailable";
			case 504 -> "gateway-timeout";
			default -> status.is4xxClientError() ? "bad-request" : "internal-error";
		};
	}

}
