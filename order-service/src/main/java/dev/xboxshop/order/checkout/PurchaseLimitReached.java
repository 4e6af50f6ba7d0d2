package dev.xboxshop.order.checkout;

import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * The scalper rule: the customer would hold more of the launch item than allowed.
 */
class PurchaseLimitReached extends ProblemException {

	PurchaseLimitReached(String sku, int limit, int held) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "purchase-limit", "Purchase limit reached",
				"Each customer may buy at most " + limit + " " + sku + "; you already have " + held
						+ " in open or confirmed orders.");
	}

}
