package dev.xboxshop.order.checkout;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;

/**
 * Escrow (leased stock quotas per replica) is a later phase of the design: until then it
 * answers 501 and stores nothing.
 */
@Component
class EscrowCheckout implements Checkout {

	@Override
	public CheckoutMode mode() {
		return CheckoutMode.ESCROW;
	}

	@Override
	public boolean isImplemented() {
		return false;
	}

	@Override
	public CheckoutOutcome place(PlacementRequest request) {
		throw new CheckoutModeNotImplemented(CheckoutMode.ESCROW);
	}

}
