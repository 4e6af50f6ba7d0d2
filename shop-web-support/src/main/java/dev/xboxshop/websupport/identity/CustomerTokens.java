package dev.xboxshop.websupport.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shop's signed customer identity, issued and checked with one secret
 * ({@code shop.identity.secret}) by the gateway and the services alike.
 * <ul>
 * <li>A <em>token</em> is what a client holds (the storefront's cookie, an API client's
 * bearer): {@code <customerId>.<issued epoch seconds>.<signature>}, valid for
 * {@link #TOKEN_LIFETIME}.</li>
 * <li>A <em>proof</em> is what the gateway adds next to {@value #CUSTOMER_HEADER} when it
 * passes a verified id on: {@code <issued epoch seconds>.<signature>}, valid for
 * {@link #PROOF_LIFETIME}, signed for another purpose than a token so that neither passes
 * for the other.</li>
 * </ul>
 * Signatures are HMAC-SHA256, base64url without padding, compared in constant time.
 */
public final class CustomerTokens {

	/** The property every service reads the secret from. */
	public static final String PROPERTY = "shop.identity.secret";

	/** The development secret; {@code ./shop}, compose and k8s set theirs explicitly. */
	public static final String DEV_SECRET = "xbox-launch-dev-identity-secret";

	/** The verified customer id, set by the gateway only (it removes a client's). */
	public static final String CUSTOMER_HEADER = "X-Shop-Customer";

	/** The gateway's proof that it set {@link #CUSTOMER_HEADER}. */
	public static final String PROOF_HEADER = "X-Shop-Customer-Proof";

	/** The storefront's cookie: a token. */
	public static final String COOKIE = "shop_customer";

	public static final Duration TOKEN_LIFETIME = Duration.ofDays(365);

	public static final Duration PROOF_LIFETIME = Duration.ofMinutes(5);

	/** How far a signer's clock may run ahead of a verifier's. */
	private static final Duration SKEW = Duration.ofMinutes(1);

	/**
	 * The gateway issues UUIDs; any id of these characters signs (no dots, no spaces).
	 */
	private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern STAMP_AND_SIGNATURE = Pattern.compile("([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

	private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{1,64})\\.([0-9]{1,12}\\.[A-Za-z0-9_-]{43})");

	private final SecretKeySpec key;

	private final Clock clock;

	public CustomerTokens(String secret, Clock clock) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException(PROPERTY + " must not be blank");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock;
	}

	public CustomerTokens(String secret) {
		this(secret, Clock.systemUTC());
	}

	/** A fresh anonymous customer id. */
	public static String newCustomerId() {
		return UUID.randomUUID().toString();
	}

	/** Whether a value is shaped like a token (says nothing of its signature). */
	public static boolean looksLikeToken(String value) {
		return value != null && value.length() < 200 && TOKEN.matcher(value).matches();
	}

	/** The customer id a token names, unverified; null when it is not token-shaped. */
	public static String customerIdOf(String token) {
		return looksLikeToken(token) ? token.substring(0, token.indexOf('.')) : null;
	}

	/** A token for the customer, issued now. */
	public String issue(String customerId) {
		long issued = now().getEpochSecond();
		return checkedId(customerId) + "." + issued + "." + sign("token", customerId, issued);
	}

	/** When a token issued now stops being accepted. */
	public Instant expiryOfNew() {
		return now().plus(TOKEN_LIFETIME);
	}

	/**
	 * The customer id of a genuine, unexpired token.
	 * @param token what the client sent
	 * @return the id, or empty for anything else (malformed, bad signature, expired)
	 */
	public Optional<String> verify(String token) {
		if (!looksLikeToken(token)) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		String customerId = token.substring(0, dot);
		return signedFor("token", customerId, token.substring(dot + 1), TOKEN_LIFETIME) ? Optional.of(customerId)
				: Optional.empty();
	}

	/** The gateway's proof for a verified customer id, made now. */
	public String proof(String customerId) {
		long issued = now().getEpochSecond();
		return issued + "." + sign("gateway", checkedId(customerId), issued);
	}

	/**
	 * Whether the proof is the gateway's, recent, for exactly this customer id.
	 * @param customerId the {@value #CUSTOMER_HEADER} header
	 * @param proof the {@value #PROOF_HEADER} header
	 * @return true only for a genuine proof of this id
	 */
	public boolean proves(String customerId, String proof) {
		return customerId != null && proof != null && CUSTOMER_ID.matcher(customerId).matches()
				&& signedFor("gateway", customerId, proof, PROOF_LIFETIME);
	}

	private boolean signedFor(String purpose, String customerId, String stampAndSignature, Duration lifetime) {
		var parts = STAMP_AND_SIGNATURE.matcher(stampAndSignature);
		if (!parts.matches()) {
			return false;
		}
		long issued = Long.parseLong(parts.group(1));
		long now = now().getEpochSecond();
		if (issued > now + SKEW.toSeconds() || issued < now - lifetime.toSeconds()) {
			return false;
		}
		byte[] expected = sign(purpose, customerId, issued).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, parts.group(2).getBytes(StandardCharsets.US_ASCII));
	}

	private String sign(String purpose, String customerId, long issued) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] signature = mac
				.doFinal((purpose + "|" + customerId + "|" + issued).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static String checkedId(String customerId) {
		if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
			throw new IllegalArgumentException("A customer id is 1 to 64 letters, digits, '-' or '_'");
		}
		return customerId;
	}

	private Instant now() {
		return this.clock.instant();
	}

}
