package dev.xboxshop.order;

/**
 * The order state machine: every order starts ACCEPTED and moves once, to a terminal
 * state.
 */
public enum OrderStatus {

	/** Stored; waiting for stock (async) or for the inventory call in flight (sync). */
	ACCEPTED,
	/** Stock reserved for every line. */
	CONFIRMED,
	/** Accepted, then given up: sold out after the fact, or no answer in time. */
	CANCELLED,
	/** Refused while the shopper waited (sync sold out). */
	REJECTED;

	public boolean isTerminal() {
		return this != ACCEPTED;
	}

	/** Whether the order gives its units back to the purchase limit. */
	public boolean isFailed() {
		return this == CANCELLED || this == REJECTED;
	}

}
