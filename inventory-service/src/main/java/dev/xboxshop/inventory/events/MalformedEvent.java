package dev.xboxshop.inventory.events;

/**
 * A record that no retry can make sense of; it goes straight to the dead-letter topic.
 */
class MalformedEvent extends RuntimeException {

	MalformedEvent(String message, Throwable cause) {
		super(message, cause);
	}

}
