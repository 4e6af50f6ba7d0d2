package dev.xboxshop.order.checkout;

import dev.xboxshop.order.CheckoutMode;

/**
 * The seam where the checkout modes differ: one implementation per mode, chosen by
 * {@link Checkouts}. An implementation stores the order (recording its mode) and returns
 * the final answer, or throws a problem that leaves nothing behind.
 */
interface Checkout {

	CheckoutMode mode();

	CheckoutOutcome place(PlacementRequest request);

}
