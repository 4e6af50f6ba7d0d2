package dev.xboxshop.inventory.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * A fact about a request that leaves the service as {@code application/problem+json} with
 * a stable type ({@code https://xbox-shop.example/problems/<slug>}).
 */
public abstract class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	protected ProblemException(HttpStatus status, String slug, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.slug = ProblemCatalog.checked(status, slug);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	/**
	 * Headers to send with the problem, for example {@code Retry-After}.
	 * @return extra response headers
	 */
	public HttpHeaders headers() {
		return HttpHeaders.EMPTY;
	}

	/**
	 * Extension members of the problem body, for example the order id it is about.
	 * @return extra members of the problem
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
