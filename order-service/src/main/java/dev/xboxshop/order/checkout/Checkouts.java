package dev.xboxshop.order.checkout;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;

/**
 * The one place a checkout mode is turned into behaviour.
 */
@Component
class Checkouts {

	private final Map<CheckoutMode, Checkout> byMode = new EnumMap<>(CheckoutMode.class);

	Checkouts(List<Checkout> checkouts) {
		checkouts.forEach((checkout) -> this.byMode.put(checkout.mode(), checkout));
		for (CheckoutMode mode : CheckoutMode.values()) {
			if (!this.byMode.containsKey(mode)) {
				throw new IllegalStateException("No checkout for mode " + mode);
			}
		}
	}

	Checkout forMode(CheckoutMode mode) {
		return this.byMode.get(mode);
	}

}
