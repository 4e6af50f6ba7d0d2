package dev.xboxshop.web.shopper;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.xboxshop.web.WebTierProperties;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.gateway.Identity;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Gives every shopper a signed customer token in an HttpOnly, SameSite=Lax cookie, so
 * carts and orders survive between visits while the web-tier itself keeps no session. The
 * gateway issues the token ({@code POST /api/identity}, for the shopper's address) and
 * checks it on every request: it drops a cookie whose signature fails before the request
 * gets here, so a cookie shaped like a token is taken as it is. Asked for only by the
 * handlers that take a {@link Shopper}, so the lab and the assets never cost an identity.
 */
@Component
class ShopperCookie {

	static final String COOKIE = "shop_customer";

	static final String ATTRIBUTE = Shopper.class.getName();

	private static final Duration LIFETIME = Duration.ofDays(365);

	/** {@code <customerId>.<issued>.<signature>}, as the gateway issues it. */
	private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{1,64})\\.[0-9]{1,12}\\.[A-Za-z0-9_-]{43}");

	private static final Log logger = LogFactory.getLog(ShopperCookie.class);

	private final boolean secure;

	private final GatewayClient gateway;

	ShopperCookie(WebTierProperties properties, GatewayClient gateway) {
		this.secure = properties.secureCookies();
		this.gateway = gateway;
	}

	/** The request's shopper: the cookie's, else a new one (once per request). */
	Shopper shopper(HttpServletRequest request, HttpServletResponse response) {
		Shopper shopper = (Shopper) request.getAttribute(ATTRIBUTE);
		if (shopper == null) {
			shopper = shopperOf(request);
			if (shopper == null) {
				shopper = newShopper(response);
			}
			request.setAttribute(ATTRIBUTE, shopper);
		}
		return shopper;
	}

	/**
	 * A shopper with the gateway's new token and a cookie to keep it; without the
	 * gateway, an unsigned id for this request only (carts work, checkout is refused, the
	 * next visit tries again).
	 */
	private Shopper newShopper(HttpServletResponse response) {
		Identity identity;
		try {
			identity = this.gateway.newIdentity();
		}
		catch (RuntimeException ex) {
			logger.warn("No customer token from the gateway: " + ex.getMessage());
			return new Shopper(UUID.randomUUID().toString(), null);
		}
		ResponseCookie cookie = ResponseCookie.from(COOKIE, identity.token())
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Lax")
			.path("/")
			.maxAge(LIFETIME)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return new Shopper(identity.customerId(), identity.token());
	}

	/** The cookie's shopper if it holds a token; anything else is replaced. */
	private static Shopper shopperOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				var token = TOKEN.matcher(cookie.getValue());
				return token.matches() ? new Shopper(token.group(1), cookie.getValue()) : null;
			}
		}
		return null;
	}

}
