package dev.xboxshop.websupport.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.xboxshop.websupport.problem.ProblemResponses;

/**
 * For the servlet services: accepts {@value CustomerTokens#CUSTOMER_HEADER} only with the
 * gateway's proof, and refuses a request carrying the header without a genuine one
 * ({@code 401 invalid-identity}, before any handler runs). A request without the header
 * passes with no customer; the endpoints that need one refuse it themselves.
 */
public final class VerifiedCustomer extends OncePerRequestFilter {

	private static final String ATTRIBUTE = VerifiedCustomer.class.getName();

	private final CustomerTokens tokens;

	private final JsonMapper json;

	public VerifiedCustomer(CustomerTokens tokens, JsonMapper json) {
		this.tokens = tokens;
		this.json = json;
	}

	/** The customer the gateway verified for this request, if any. */
	public static Optional<String> of(HttpServletRequest request) {
		return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String customerId = request.getHeader(CustomerTokens.CUSTOMER_HEADER);
		String proof = request.getHeader(CustomerTokens.PROOF_HEADER);
		if (customerId == null && proof == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!this.tokens.proves(customerId, proof)) {
			ProblemResponses.write(response, this.json, "invalid-identity",
					"The " + CustomerTokens.CUSTOMER_HEADER + " header is set by the gateway only.",
					request.getRequestURI());
			return;
		}
		request.setAttribute(ATTRIBUTE, customerId);
		chain.doFilter(request, response);
	}

}
