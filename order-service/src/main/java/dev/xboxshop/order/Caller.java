package dev.xboxshop.order;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.xboxshop.websupport.identity.VerifiedCustomer;
import dev.xboxshop.websupport.operator.OperatorToken;

/**
 * Who is asking: the operator (its bearer token) and/or the customer the gateway verified
 * ({@link VerifiedCustomer}). Never a customer id from the body or the query.
 */
@Component
public class Caller {

	private final OperatorToken operator;

	Caller(@Value("${" + OperatorToken.PROPERTY + ":xbox-launch-operator}") String token) {
		this.operator = new OperatorToken(token);
	}

	public boolean isOperator(HttpServletRequest request) {
		return this.operator.admits(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	/** The verified customer, or null. */
	public String customerOrNull(HttpServletRequest request) {
		return VerifiedCustomer.of(request).orElse(null);
	}

	/**
	 * The verified customer.
	 * @throws IdentityRequired without one
	 */
	public String customer(HttpServletRequest request) {
		return VerifiedCustomer.of(request).orElseThrow(IdentityRequired::new);
	}

	/** No verified customer where the call acts for one. */
	public static class IdentityRequired extends ProblemException {

		IdentityRequired() {
			super(HttpStatus.UNAUTHORIZED, "identity-required", "Unauthorized",
					"This call acts for a customer: send it through the gateway with 'Authorization: Bearer <customer token>' (POST /api/identity gives one).");
		}

	}

	/** Another customer's data. */
	public static class NotYours extends ProblemException {

		public NotYours(String detail) {
			super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
		}

	}

}
