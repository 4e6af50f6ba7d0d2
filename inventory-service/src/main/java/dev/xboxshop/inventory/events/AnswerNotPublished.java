package dev.xboxshop.inventory.events;

/**
 * The broker did not acknowledge our answers; the batch is tried again (its reservations
 * repeat) until the answers are out.
 */
class AnswerNotPublished extends RuntimeException {

	AnswerNotPublished(int answers, Throwable cause) {
		super(answers + " answer(s) were not acknowledged by the broker", cause);
	}

}
