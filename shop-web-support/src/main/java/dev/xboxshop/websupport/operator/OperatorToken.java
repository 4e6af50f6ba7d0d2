package dev.xboxshop.websupport.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operator's bearer token ({@code shop.operator.token}) and the one check of an
 * {@code Authorization} header against it, for the servlet services and the gateway
 * alike. A blank token is refused at start: it would open the operator endpoints to
 * anyone sending {@code "Bearer "}.
 */
public final class OperatorToken {

	/** The property every service reads the token from. */
	public static final String PROPERTY = "shop.operator.token";

	/** The detail of the 401 {@code unauthorized} problem. */
	public static final String REFUSAL = "This operator endpoint needs 'Authorization: Bearer <operator token>'.";

	private final byte[] expected;

	public OperatorToken(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalStateException(PROPERTY + " must not be blank");
		}
		this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Whether the header is exactly {@code Bearer <token>}.
	 * @param authorization the request's {@code Authorization} header, or null
	 * @return true only for the exact header
	 */
	public boolean admits(String authorization) {
		// constant-time, so response timing does not reveal how much of a guess was right
		return authorization != null
				&& MessageDigest.isEqual(this.expected, authorization.getBytes(StandardCharsets.UTF_8));
	}

}
