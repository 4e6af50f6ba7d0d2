package dev.xboxshop.order;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an order is checked out (DESIGN.md section 1). Written in lower case on the wire.
 */
public enum CheckoutMode {

	SYNC, ASYNC, ESCROW;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parse a mode as a client writes it.
	 * @param value the text, in any case
	 * @return the mode, or empty if there is no such mode
	 */
	public static Optional<CheckoutMode> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		for (CheckoutMode mode : values()) {
			if (mode.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
				return Optional.of(mode);
			}
		}
		return Optional.empty();
	}

	@JsonCreator
	static CheckoutMode fromJson(String value) {
		return parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown checkout mode '" + value + "'"));
	}

}
