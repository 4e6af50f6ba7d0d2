package dev.xboxshop.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.xboxshop.web.OperatorProperties;
import dev.xboxshop.web.WebTierProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The operator's lab session, kept in a cookie so the web-tier stays stateless: the
 * cookie holds an expiry and an HMAC of it keyed with the operator token. The token
 * itself never leaves the server, and a new token ends every session at once.
 */
@Component
public class OperatorSession {

	public static final String COOKIE = "shop_operator";

	static final Duration LIFETIME = Duration.ofHours(8);

	private final byte[] token;

	private final boolean secure;

	private final Clock clock;

	@Autowired
	OperatorSession(OperatorProperties operator, WebTierProperties properties) {
		this(operator.token(), properties.secureCookies(), Clock.systemUTC());
	}

	OperatorSession(String token, boolean secure, Clock clock) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
		this.secure = secure;
		this.clock = clock;
	}

	/**
	 * Whether the candidate is the operator token; the time taken does not depend on
	 * where they differ.
	 */
	public boolean isOperatorToken(String candidate) {
		if (candidate == null) {
			return false;
		}
		return MessageDigest.isEqual(sha256(candidate.getBytes(StandardCharsets.UTF_8)), sha256(this.token));
	}

	/** The cookie that opens the lab for {@link #LIFETIME}. */
	public ResponseCookie open() {
		long expires = this.clock.instant().plus(LIFETIME).getEpochSecond();
		return cookie(expires + "." + sign(expires), LIFETIME);
	}

	/** The cookie that closes the lab again. */
	public ResponseCookie close() {
		return cookie("", Duration.ZERO);
	}

	boolean isOpen(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && isValid(cookie.getValue())) {
				return true;
			}
		}
		return false;
	}

	boolean isValid(String value) {
		int dot = (value != null) ? value.indexOf('.') : -1;
		if (dot < 1) {
			return false;
		}
		long expires;
		try {
			expires = Long.parseLong(value.substring(0, dot));
		}
		catch (NumberFormatException malformed) {
			return false;
		}
		byte[] expected = sign(expires).getBytes(StandardCharsets.US_ASCII);
		byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) && Instant.ofEpochSecond(expires).isAfter(this.clock.instant());
	}

	private ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Strict")
			.path("/lab")
			.maxAge(maxAge)
			.build();
	}

	private String sign(long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.token, "HmacSHA256"));
			byte[] signature = mac.doFinal(("operator|" + expires).getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("SHA-256 is part of every JDK", unavailable);
		}
	}

}
