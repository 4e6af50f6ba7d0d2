package dev.xboxshop.inventory.reservation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.xboxshop.inventory.warehouse.WarehouseBulkhead;

/**
 * Reservations for sync checkout. What Redis can answer alone (a repeat, or sold out) is
 * answered at once; only calls that must reach the warehouse pass the bulkhead, and
 * concurrent reservations share warehouse trips ({@link GroupCommit}). An order with
 * several lines has one reservation per sku; {@code ?sku=} picks one, and without it the
 * first line in sku order answers.
 */
@RestController
@RequestMapping("/api/reservations")
class ReservationController {

	private final Reservations reservations;

	private final GroupCommit trips;

	private final WarehouseBulkhead bulkhead;

	ReservationController(Reservations reservations, GroupCommit trips, WarehouseBulkhead bulkhead) {
		this.trips = trips;
		this.reservations = reservations;
		this.bulkhead = bulkhead;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Reservation> reserve(@RequestBody ReserveRequest request) {
		ReservationResult result = this.reservations
			.decideWithoutWarehouse(request.orderId(), request.sku(), request.quantity())
			.orElseGet(() -> this.trips
				.reserve(new ReservationRequest(request.orderId(), request.sku(), request.quantity())));
		Reservation reservation = result.reservation();
		if (reservation.status() == ReservationStatus.REJECTED) {
			throw new SoldOut(reservation);
		}
		return ResponseEntity.status(result.repeat() ? HttpStatus.OK : HttpStatus.CREATED).body(reservation);
	}

	@DeleteMapping("/{orderId}")
	Reservation release(@PathVariable String orderId, @RequestParam(required = false) String sku) {
		List<ReservationResult> released = this.bulkhead.call(() -> (sku != null)
				? this.reservations.release(orderId, sku).stream().toList() : this.reservations.release(orderId));
		return released.stream()
			.findFirst()
			.map(ReservationResult::reservation)
			.orElseThrow(() -> new ReservationNotFound(orderId));
	}

	@GetMapping("/{orderId}")
	Reservation reservation(@PathVariable String orderId, @RequestParam(required = false) String sku) {
		return this.reservations.find(orderId)
			.stream()
			.filter((line) -> sku == null || line.sku().equals(sku))
			.findFirst()
			.orElseThrow(() -> new ReservationNotFound(orderId));
	}

}
