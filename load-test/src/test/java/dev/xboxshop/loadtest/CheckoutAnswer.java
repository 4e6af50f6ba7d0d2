package dev.xboxshop.loadtest;

/**
 * What one parent's checkout got back, as the simulation saw it.
 *
 * @param mode the checkout mode asked for
 * @param sentAtMillis when the request left (epoch millis)
 * @param latencyMs how long the answer took
 * @param status the HTTP status, 0 when no answer came (timeout, connection refused)
 * @param orderId the order's id on 201/202, else null
 * @param problem the last segment of the problem type on an error (e.g. {@code busy},
 * {@code sold-out}), else null
 */
record CheckoutAnswer(String mode, long sentAtMillis, long latencyMs, int status, String orderId, String problem) {

	long answeredAtMillis() {
		return this.sentAtMillis + this.latencyMs;
	}

	/** 201 or 202: the shop took the order. */
	boolean accepted() {
		return this.status == 201 || this.status == 202;
	}

	boolean soldOut() {
		return this.status == 409 && "sold-out".equals(this.problem);
	}

	/**
	 * Anything a parent should not see at launch: not accepted and not a clean sold-out.
	 */
	boolean error() {
		return !accepted() && !soldOut();
	}

	/**
	 * A short name for the answer, e.g. {@code 202}, {@code 503 busy}, {@code no answer}.
	 */
	String label() {
		if (this.status == 0) {
			return "no answer";
		}
		return (this.problem != null) ? this.status + " " + this.problem : String.valueOf(this.status);
	}

}
