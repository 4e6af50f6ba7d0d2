package dev.xboxshop.order.inventory;

/**
 * The business answer to a reservation: reserved, or sold out. Failures to get an answer
 * are {@link WarehouseUnavailable}.
 *
 * @param reserved whether stock is held now
 * @param detail inventory's explanation when it is not
 */
public record ReservationOutcome(boolean reserved, String detail) {

	static ReservationOutcome ofReserved() {
		return new ReservationOutcome(true, null);
	}

	static ReservationOutcome soldOut(String detail) {
		return new ReservationOutcome(false, detail);
	}

}
