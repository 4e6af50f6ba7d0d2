package dev.xboxshop.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats integer cents for people; templates call it as {@code @prices.format(cents)}.
 */
@Component("prices")
public class Prices {

	public String format(long cents) {
		String sign = (cents < 0) ? "-" : "";
		long abs = Math.abs(cents);
		return String.format(Locale.US, "%s$%,d.%02d", sign, abs / 100, abs % 100);
	}

}
