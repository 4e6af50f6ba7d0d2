package dev.xboxshop.loadtest;

import java.time.Duration;
import java.time.Instant;

/**
 * An order as {@code GET /api/orders/{orderId}} gave it after the load.
 *
 * @param orderId the id
 * @param status ACCEPTED, CONFIRMED, CANCELLED or REJECTED
 * @param reason the apology or refusal, null when none
 * @param createdAt when the shop accepted it
 * @param updatedAt when its status last changed
 */
record FinalOrder(String orderId, String status, String reason, Instant createdAt, Instant updatedAt) {

	boolean terminal() {
		return !"ACCEPTED".equals(this.status);
	}

	/** From acceptance to the final status; meaningful once {@link #terminal()}. */
	long timeToFinalMs() {
		return Duration.between(this.createdAt, this.updatedAt).toMillis();
	}

	/**
	 * The reason in two words: {@code sold out}, {@code too late}, or the reason itself.
	 */
	String reasonLabel() {
		if (this.reason == null || this.reason.isBlank()) {
			return "no reason";
		}
		if (this.reason.startsWith("Sold out")) {
			return "sold out";
		}
		if (this.reason.contains("in time")) {
			return "too late";
		}
		return this.reason;
	}

}
