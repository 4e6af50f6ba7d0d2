package dev.xboxshop.order;

import org.springframework.http.HttpStatus;

/**
 * A request body over the limit. Thrown while the body is being read, so it travels as
 * the cause of whatever the reader wraps it in.
 */
public class PayloadTooLarge extends ProblemException {

	public PayloadTooLarge(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body is larger than " + limit + " bytes.");
	}

}
