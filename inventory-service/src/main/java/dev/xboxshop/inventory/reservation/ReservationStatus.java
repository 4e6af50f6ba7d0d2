package dev.xboxshop.inventory.reservation;

public enum ReservationStatus {

	RESERVED, REJECTED, RELEASED

}
