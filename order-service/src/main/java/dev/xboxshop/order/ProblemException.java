package dev.xboxshop.order;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * A fact that ends a request with an RFC 9457 problem. Subclasses name the fact
 * ({@code SoldOut}, {@code PurchaseLimitReached}); the slug is the last segment of the
 * problem type, as docs/contracts.md lists it.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final String title;

	protected ProblemException(HttpStatus status, String slug, String title, String detail) {
		super(detail);
		this.status = status;
		this.slug = ProblemCatalog.checked(status, slug);
		this.title = title;
	}

	/** The problem type of a slug, from the shop's one catalogue. */
	public static URI type(String slug) {
		return ProblemCatalog.type(slug);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public String title() {
		return this.title;
	}

	/** Headers that go with the problem, such as {@code Retry-After}. */
	public HttpHeaders headers() {
		return HttpHeaders.EMPTY;
	}

	public ProblemDetail toProblemDetail(String instance) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(type(this.slug));
		problem.setTitle(this.title);
		problem.setInstance(URI.create(instance));
		return problem;
	}

}
