package dev.xboxshop.inventory.events;

/**
 * A record that no retry can make sense of; it goes straight to the dead-letter topic.
 */
public class MalformedEvent extends RuntimeException {

	public MalformedEvent(String message, Throwable cause) {
		super(message, cause);
	}

}
