package dev.xboxshop.web.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request as the operator when it carries a valid lab cookie. Part of the
 * security filter chain only (not a bean, so the servlet container does not run it
 * twice).
 */
class OperatorCookieFilter extends OncePerRequestFilter {

	static final String ROLE = "OPERATOR";

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final OperatorSession session;

	OperatorCookieFilter(OperatorSession session) {
		this.session = session;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.session.isOpen(request)) {
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("operator", null,
					List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			this.contexts.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
