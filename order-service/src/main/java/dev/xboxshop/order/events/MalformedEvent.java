package dev.xboxshop.order.events;

/**
 * A record that parsed but cannot be acted on (no order id). Retrying cannot help, so the
 * error handler sends it straight to the dead-letter topic.
 */
class MalformedEvent extends RuntimeException {

	MalformedEvent(String message) {
		super(message);
	}

}
