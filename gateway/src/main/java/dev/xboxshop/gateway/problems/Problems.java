package dev.xboxshop.gateway.problems;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import dev.xboxshop.gateway.edge.CorrelationIdFilter;
import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * RFC 9457 problem bodies the gateway itself answers with, from the shop's one
 * {@link ProblemCatalog}. Each carries the request's correlation id, so a client can
 * quote it.
 */
public final class Problems {

	private static final long DRAIN_LIMIT = 1024 * 1024;

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

	/**
	 * Writes the problem as the response, bytes and content type set here: no content
	 * negotiation runs, so an {@code Accept} the gateway cannot read or meet never turns
	 * a problem into an empty body (the bad-input suite saw {@code Accept: garbage} do
	 * that to the edge's own 404).
	 */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String slug, String detail,
			JsonMapper json) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = json.writeValueAsBytes(body(status, slug, detail, exchange));
		return drained(exchange)
			.then(Mono.defer(() -> response.writeWith(Mono.just(response.bufferFactory().wrap(body)))));
	}

	/**
	 * Reads what is left of the request body (up to 1 MiB) before the edge answers
	 * without the service: a connection closed with unread bytes is reset, and the reset
	 * can destroy the answer before the client reads it (the bad-input suite lost 400s,
	 * 401s and 404s to bodies sent with them). A body a proxied call already read cannot
	 * be read again, which is fine.
	 * @param exchange the exchange about to be answered
	 * @return completes once the body is read
	 */
	public static Mono<Void> drained(ServerWebExchange exchange) {
		return DataBufferUtils.takeUntilByteCount(exchange.getRequest().getBody(), DRAIN_LIMIT)
			.doOnNext(DataBufferUtils::release)
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	/** The path the client asked for, also after a forward to a fallback. */
	private static String originalPath(ServerWebExchange exchange) {
		String original = exchange.getAttribute(CorrelationIdFilter.ORIGINAL_PATH_ATTRIBUTE);
		return (original != null) ? original : exchange.getRequest().getPath().value();
	}

}
