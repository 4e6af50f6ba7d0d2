package dev.xboxshop.web.shopper;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import dev.xboxshop.web.WebTierProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every shopper a customer id in an HttpOnly, SameSite=Lax cookie, so carts and
 * orders survive between visits while the web-tier itself keeps no session.
 */
@Component
class ShopperCookieFilter extends OncePerRequestFilter {

	static final String COOKIE = "shop_customer";

	static final String ATTRIBUTE = Shopper.class.getName();

	private static final Duration LIFETIME = Duration.ofDays(365);

	private final boolean secure;

	ShopperCookieFilter(WebTierProperties properties) {
		this.secure = properties.secureCookies();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
				|| path.startsWith("/actuator/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String customerId = customerIdOf(request);
		if (customerId == null) {
			customerId = UUID.randomUUID().toString();
			ResponseCookie cookie = ResponseCookie.from(COOKIE, customerId)
				.httpOnly(true)
				.secure(this.secure)
				.sameSite("Lax")
				.path("/")
				.maxAge(LIFETIME)
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		request.setAttribute(ATTRIBUTE, new Shopper(customerId));
		chain.doFilter(request, response);
	}

	/**
	 * The cookie's id if it is a well-formed UUID; anything else is replaced by a fresh
	 * id.
	 */
	private static String customerIdOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				try {
					return UUID.fromString(cookie.getValue()).toString();
				}
				catch (IllegalArgumentException malformed) {
					return null;
				}
			}
		}
		return null;
	}

}
