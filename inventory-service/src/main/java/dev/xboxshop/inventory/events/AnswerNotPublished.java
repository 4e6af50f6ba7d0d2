package dev.xboxshop.inventory.events;

/**
 * The broker did not acknowledge our answer; the order is tried again (its reservations
 * repeat) until the answer is out.
 */
class AnswerNotPublished extends RuntimeException {

	AnswerNotPublished(String orderId, Throwable cause) {
		super("The answer to order " + orderId + " was not acknowledged", cause);
	}

}
