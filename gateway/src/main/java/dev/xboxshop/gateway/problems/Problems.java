package dev.xboxshop.gateway.problems;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import dev.xboxshop.gateway.edge.CorrelationIdFilter;
import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * RFC 9457 problem bodies the gateway itself answers with, from the shop's one
 * {@link ProblemCatalog}. Each carries the request's correlation id, so a client can
 * quote it.
 */
public final class Problems {

	private Problems() {
	}

	public static Map<String, Object> body(HttpStatusCode status, String slug, String detail,
			ServerWebExchange exchange) {
		Map<String, Object> problem = ProblemCatalog.asMap(status.value(), slug, detail, originalPath(exchange));
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

}
