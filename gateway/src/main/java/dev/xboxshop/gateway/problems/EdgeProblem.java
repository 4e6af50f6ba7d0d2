package dev.xboxshop.gateway.problems;

import org.springframework.web.server.ResponseStatusException;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * A fact the gateway refuses a request for, with the catalogue's slug and status (a plain
 * {@link ResponseStatusException} gets the status's fallback slug).
 */
public class EdgeProblem extends ResponseStatusException {

	private final String slug;

	public EdgeProblem(String slug, String detail) {
		super(ProblemCatalog.status(slug), detail);
		this.slug = slug;
	}

	public String slug() {
		return this.slug;
	}

}
