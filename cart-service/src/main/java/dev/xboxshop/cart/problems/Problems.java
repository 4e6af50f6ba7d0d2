package dev.xboxshop.cart.problems;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with the shop's stable problem types.
 */
final class Problems {

	static final String TYPE_BASE = "https://xbox-shop.example/problems/";

	private Problems() {
	}

	static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		return problem;
	}

	/** The slug for failures Spring MVC itself detects, by their status. */
	static String slugFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "malformed-request";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 503 -> "service-unavailable";
			default -> (status.is4xxClientError() ? "bad-request" : "internal-error");
		};
	}

}
