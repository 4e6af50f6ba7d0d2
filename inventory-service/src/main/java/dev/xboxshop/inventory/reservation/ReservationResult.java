package dev.xboxshop.inventory.reservation;

/**
 * A reservation as a call left it, and whether that call changed anything or only
 * repeated an earlier outcome.
 */
public record ReservationResult(Reservation reservation, boolean repeat) {

	public boolean reserved() {
		return this.reservation.status() == ReservationStatus.RESERVED;
	}

}
