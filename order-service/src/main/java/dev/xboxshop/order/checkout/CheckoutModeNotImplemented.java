package dev.xboxshop.order.checkout;

import org.springframework.http.HttpStatus;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.ProblemException;

/**
 * A checkout mode that exists in the design but not yet in the code (escrow).
 */
public class CheckoutModeNotImplemented extends ProblemException {

	public CheckoutModeNotImplemented(CheckoutMode mode) {
		super(HttpStatus.NOT_IMPLEMENTED, "not-implemented", "Checkout mode not implemented",
				"Checkout mode '" + mode.value() + "' is not implemented yet; use sync or async.");
	}

}
