package dev.xboxshop.websupport.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one table of the shop's problem types (docs/contracts.md): each slug with its
 * status and title, the slug for a status the framework raised on its own, and the two
 * forms a problem leaves in: a {@link ProblemDetail} for Spring's handlers and a plain
 * map for code that writes the body itself (servlet filters, error pages, the gateway).
 * Plain Spring Web types only, so the reactive gateway uses this class as the servlet
 * services do. Every problem made here carries {@code traceId}, the trace of the request
 * it answers (the id its log lines carry), when the request is traced.
 */
public final class ProblemCatalog {

	/** The property naming the trace of the request a problem answers. */
	public static final String TRACE_ID = "traceId";

	/** Every problem type is this base followed by the slug. */
	public static final String TYPE_BASE = "https://xbox-shop.example/problems/";

	private static final Map<String, HttpStatus> STATUSES = new LinkedHashMap<>();

	static {
		STATUSES.put("malformed-request", HttpStatus.BAD_REQUEST);
		STATUSES.put("invalid-quantity", HttpStatus.BAD_REQUEST);
		STATUSES.put("bad-request", HttpStatus.BAD_REQUEST);
		STATUSES.put("unauthorized", HttpStatus.UNAUTHORIZED);
		STATUSES.put("identity-required", HttpStatus.UNAUTHORIZED);
		STATUSES.put("invalid-identity", HttpStatus.UNAUTHORIZED);
		STATUSES.put("forbidden", HttpStatus.FORBIDDEN);
		STATUSES.put("unknown-product", HttpStatus.NOT_FOUND);
		STATUSES.put("not-found", HttpStatus.NOT_FOUND);
		STATUSES.put("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED);
		STATUSES.put("not-acceptable", HttpStatus.NOT_ACCEPTABLE);
		STATUSES.put("sold-out", HttpStatus.CONFLICT);
		STATUSES.put("idempotency-key-in-use", HttpStatus.CONFLICT);
		STATUSES.put("payload-too-large", HttpStatus.CONTENT_TOO_LARGE);
		STATUSES.put("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		STATUSES.put("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT);
		STATUSES.put("purchase-limit", HttpStatus.UNPROCESSABLE_CONTENT);
		STATUSES.put("rate-limited", HttpStatus.TOO_MANY_REQUESTS);
		STATUSES.put("internal-error", HttpStatus.INTERNAL_SERVER_ERROR);
		STATUSES.put("warehouse-busy", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("warehouse-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("order-store-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("stock-store-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("cart-store-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("catalog-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("busy", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		STATUSES.put("gateway-timeout", HttpStatus.GATEWAY_TIMEOUT);
	}

	private ProblemCatalog() {
	}

	/** Every slug the shop answers with, each with its status. */
	public static Map<String, HttpStatus> slugs() {
		return Map.copyOf(STATUSES);
	}

	public static URI type(String slug) {
		return URI.create(TYPE_BASE + known(slug));
	}

	/** The status a slug always goes with. */
	public static HttpStatus status(String slug) {
		return STATUSES.get(known(slug));
	}

	/**
	 * The slug, once checked against the catalogue: for the services' exception types,
	 * which name their status and slug, so that a fact cannot leave with a status the
	 * contract does not give its slug.
	 * @param status the status the exception claims
	 * @param slug the slug it claims
	 * @return the slug
	 * @throws IllegalArgumentException for an unknown slug or another status
	 */
	public static String checked(HttpStatusCode status, String slug) {
		if (status(slug).value() != status.value()) {
			throw new IllegalArgumentException(
					"'" + slug + "' is " + status(slug).value() + " in docs/contracts.md, not " + status.value());
		}
		return slug;
	}

	/** The title of a problem with this slug: the reason phrase of its status. */
	public static String title(String slug) {
		return status(slug).getReasonPhrase();
	}

	/**
	 * The slug for a status the framework (Spring MVC, Tomcat, the gateway's routing)
	 * raised on its own, without one of the shop's own facts behind it.
	 * @param status the response status
	 * @return the contract's slug for it
	 */
	public static String slugFor(int status) {
		return switch (status) {
			case 400 -> "malformed-request";
			case 401 -> "unauthorized";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 429 -> "rate-limited";
			case 503 -> "service-unavailable";
			case 504 -> "gateway-timeout";
			default -> (status >= 500) ? "internal-error" : "bad-request";
		};
	}

	public static String slugFor(HttpStatusCode status) {
		return slugFor(status.value());
	}

	/**
	 * A problem with the slug's type, status and title.
	 * @param slug one of {@link #slugs()}
	 * @param detail what happened, for the client
	 * @return the problem, without an instance (Spring MVC fills in the request path)
	 */
	public static ProblemDetail problem(String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(slug), detail);
		problem.setType(type(slug));
		problem.setTitle(title(slug));
		return traced(problem);
	}

	/**
	 * The problem a framework-raised status becomes: its fallback slug, but the status as
	 * raised (a 4xx without a slug of its own keeps its code).
	 */
	public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slugFor(status.value())));
		return traced(problem);
	}

	/**
	 * A problem as a plain map ({@code type, title, status, detail, instance, traceId}),
	 * for code outside Spring's handlers that writes the body itself. The status is the
	 * one given, which may be a framework status whose slug is the fallback.
	 */
	public static Map<String, Object> asMap(int status, String slug, String detail, String instance) {
		HttpStatus known = HttpStatus.resolve(status);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type(slug).toString());
		body.put("title", (known != null) ? known.getReasonPhrase() : "Error");
		body.put("status", status);
		body.put("detail", detail);
		if (instance != null) {
			body.put("instance", instance);
		}
		String traceId = currentTraceId();
		if (traceId != null) {
			body.put(TRACE_ID, traceId);
		}
		return body;
	}

	/** {@link #asMap(int, String, String, String)} with the slug's own status. */
	public static Map<String, Object> asMap(String slug, String detail, String instance) {
		return asMap(status(slug).value(), slug, detail, instance);
	}

	/**
	 * The trace id of the request being answered on this thread: the one Micrometer
	 * Tracing puts in the logging context for the span in scope.
	 * @return the id, or {@code null} outside a trace
	 */
	public static String currentTraceId() {
		String traceId = MDC.get(TRACE_ID);
		return (traceId != null && !traceId.isEmpty()) ? traceId : null;
	}

	/**
	 * The problem with {@code traceId} set to the trace of the request being answered, if
	 * it is traced.
	 */
	public static ProblemDetail traced(ProblemDetail problem) {
		String traceId = currentTraceId();
		if (traceId != null) {
			problem.setProperty(TRACE_ID, traceId);
		}
		return problem;
	}

	private static String known(String slug) {
		if (!STATUSES.containsKey(slug)) {
			throw new IllegalArgumentException("'" + slug + "' is not a problem type of docs/contracts.md");
		}
		return slug;
	}

}
