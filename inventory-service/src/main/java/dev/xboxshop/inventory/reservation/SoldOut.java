package dev.xboxshop.inventory.reservation;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

/**
 * Not enough units were available when the order asked; asking again answers the same.
 */
class SoldOut extends ProblemException {

	private final Reservation reservation;

	SoldOut(Reservation reservation) {
		super(HttpStatus.CONFLICT, "sold-out", "Not enough units of " + reservation.sku() + " left for order "
				+ reservation.orderId() + " (" + reservation.quantity() + " asked)");
		this.reservation = reservation;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("orderId", this.reservation.orderId(), "sku", this.reservation.sku());
	}

}
