package dev.xboxshop.cart.problems;

import org.springframework.http.HttpStatus;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * A failure the client is told about as {@code application/problem+json}: each subclass
 * is one fact with its status and problem type slug.
 */
public abstract class ShopProblem extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	protected ShopProblem(HttpStatus status, String slug, String detail) {
		this(status, slug, detail, null);
	}

	protected ShopProblem(HttpStatus status, String slug, String detail, Throwable cause) {
		super(detail, cause);
		this.status = status;
		this.slug = ProblemCatalog.checked(status, slug);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getSlug() {
		return this.slug;
	}

}
