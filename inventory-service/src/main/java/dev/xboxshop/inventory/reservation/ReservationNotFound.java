package dev.xboxshop.inventory.reservation;

import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

/**
 * The order never asked for a reservation (of this sku).
 */
class ReservationNotFound extends ProblemException {

	ReservationNotFound(String orderId) {
		super(HttpStatus.NOT_FOUND, "not-found", "Order " + orderId + " has no reservation");
	}

}
