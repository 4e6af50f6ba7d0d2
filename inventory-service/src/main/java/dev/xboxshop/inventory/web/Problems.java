package dev.xboxshop.inventory.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem types every service agrees on (see docs/contracts.md).
 */
public final class Problems {

	private static final String TYPE_BASE = "https://xbox-shop.example/problems/";

	private Problems() {
	}

	public static URI type(String slug) {
		return URI.create(TYPE_BASE + slug);
	}

	public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		return problem;
	}

	/**
	 * The slug for a status that the framework raised (as opposed to one of our own
	 * {@link ProblemException}s).
	 * @param status the response status
	 * @return the contract's slug for it
	 */
	static String slugFor(int status) {
		return switch (status) {
			case 400 -> "malformed-request";
			case 401 -> "unauthorized";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 503 -> "service-unavailable";
			default -> (status >= 500) ? "internal-error" : "bad-request";
		};
	}

	/**
	 * A problem as a plain map, for places outside Spring MVC (servlet filters, the error
	 * page) that write the body themselves.
	 */
	static Map<String, Object> asMap(int status, String title, String detail, String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPE_BASE + slugFor(status));
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", instance);
		return body;
	}

}
