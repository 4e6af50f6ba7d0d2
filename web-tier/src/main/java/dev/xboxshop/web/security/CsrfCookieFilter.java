package dev.xboxshop.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Loads the CSRF token before the page renders. The token lives in a cookie (no session)
 * and is loaded lazily; left to the template, the cookie could be due after the response
 * is committed.
 */
class CsrfCookieFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object token = request.getAttribute(CsrfToken.class.getName());
		if (token instanceof CsrfToken csrfToken) {
			csrfToken.getToken();
		}
		chain.doFilter(request, response);
	}

}
