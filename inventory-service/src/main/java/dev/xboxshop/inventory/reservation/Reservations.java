package dev.xboxshop.inventory.reservation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.xboxshop.inventory.catalog.CatalogEntry;
import dev.xboxshop.inventory.catalog.ProductCatalog;
import dev.xboxshop.inventory.catalog.UnknownProduct;
import dev.xboxshop.inventory.reservation.ReservationRepository.Way;
import dev.xboxshop.inventory.warehouse.Warehouse;
import dev.xboxshop.inventory.web.MalformedRequest;

/**
 * Reserves and releases stock for orders, over HTTP (sync checkout) and from
 * {@code OrderPlaced} events (async checkout) alike. A reservation is identified by order
 * id and sku: asking again for the same pair returns the first outcome and changes
 * nothing.
 */
@Service
public class Reservations {

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final ProductCatalog catalog;

	private final Warehouse warehouse;

	private final ReservationRepository repository;

	Reservations(ProductCatalog catalog, Warehouse warehouse, ReservationRepository repository) {
		this.catalog = catalog;
		this.warehouse = warehouse;
		this.repository = repository;
	}

	/**
	 * Checks what can be checked without the warehouse: a known sku, an allowed quantity
	 * and a usable order id.
	 * @throws UnknownProduct, InvalidQuantity or MalformedRequest
	 */
	public void validate(String orderId, String sku, int quantity) {
		requireUsableOrderId(orderId);
		CatalogEntry entry = this.catalog.entry(sku).orElseThrow(() -> new UnknownProduct(sku));
		if (quantity < 1 || quantity > entry.maxPerOrder()) {
			throw new InvalidQuantity(
					"quantity must be between 1 and " + entry.maxPerOrder() + " for " + sku + ", not " + quantity);
		}
	}

	/**
	 * @throws MalformedRequest unless the order id can name a reservation
	 */
	public static void requireUsableOrderId(String orderId) {
		if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
			throw new MalformedRequest("orderId must be 1 to 128 letters, digits or . _ : -");
		}
	}

	/**
	 * What the tier-2 store can answer without the warehouse: the first outcome of a
	 * repeated request, or sold out when the units are not there. Sold out is said at
	 * once, without a warehouse trip or a bulkhead slot.
	 * @return the outcome, or empty when the units are there and only
	 * {@link #reserve(String, String, int)} can take them
	 */
	public Optional<ReservationResult> decideWithoutWarehouse(String orderId, String sku, int quantity) {
		validate(orderId, sku, quantity);
		List<ReservationRequest> line = List.of(new ReservationRequest(orderId, sku, quantity));
		this.repository.index(line);
		return this.repository.decide(Way.PRECHECK, line, null).get(0);
	}

	/**
	 * Reserves one line: one warehouse trip, then the reservation script.
	 */
	public ReservationResult reserve(String orderId, String sku, int quantity) {
		validate(orderId, sku, quantity);
		return reserveAll(List.of(new ReservationRequest(orderId, sku, quantity))).get(0);
	}

	/**
	 * Reserves a batch of lines, first come, first served within each sku: lines the
	 * store can decide alone (repeats, sold out) are decided without the warehouse; the
	 * rest share one warehouse trip and one script per sku. Lines must be valid
	 * ({@link #validate}).
	 * @param lines the lines in arrival order
	 * @return their outcomes, in the same order
	 */
	public List<ReservationResult> reserveAll(List<ReservationRequest> lines) {
		this.repository.index(lines);
		return reserveIndexed(lines);
	}

	/**
	 * {@link #reserveAll} of lines already indexed: the riders of a group-commit trip,
	 * each of which went through {@link #decideWithoutWarehouse} first.
	 */
	List<ReservationResult> reserveIndexed(List<ReservationRequest> lines) {
		List<Optional<ReservationResult>> decided = this.repository.decide(Way.PRECHECK, lines, null);
		List<ReservationRequest> pending = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (decided.get(i).isEmpty()) {
				pending.add(lines.get(i));
			}
		}
		if (pending.isEmpty()) {
			return decided.stream().map(Optional::orElseThrow).toList();
		}
		this.warehouse.roundTrip();
		Iterator<Optional<ReservationResult>> reserved = this.repository.decide(Way.RESERVE, pending, null).iterator();
		return decided.stream().map((outcome) -> outcome.or(reserved::next).orElseThrow()).toList();
	}

	/**
	 * Refuses lines that have no outcome yet, without the warehouse (an order past its
	 * deadline); a line that already has one keeps it.
	 * @param lines the lines
	 * @param reason the refusal
	 * @return their outcomes, in the same order
	 */
	public List<ReservationResult> refuseAll(List<ReservationRequest> lines, String reason) {
		this.repository.index(lines);
		return this.repository.decide(Way.REFUSE, lines, reason).stream().map(Optional::orElseThrow).toList();
	}

	/**
	 * Releases every line the order reserved, each at most once.
	 * @return the lines in sku order, empty if the order never asked for a reservation
	 */
	public List<ReservationResult> release(String orderId) {
		List<ReservationResult> released = new ArrayList<>();
		for (String sku : this.repository.skus(orderId)) {
			release(orderId, sku).ifPresent(released::add);
		}
		return released;
	}

	/**
	 * Releases one line at most once. A line that was never reserved is released all the
	 * same, as a tombstone of no units, so a reserve that arrives later (the caller gave
	 * up on it, and it was still on its way) takes nothing.
	 * @return empty only when the sku has no stock ledger
	 */
	public Optional<ReservationResult> release(String orderId, String sku) {
		requireUsableOrderId(orderId);
		this.warehouse.roundTrip();
		this.repository.index(List.of(new ReservationRequest(orderId, sku, 0)));
		return this.repository.release(orderId, sku);
	}

	/**
	 * The order's reservation lines in sku order.
	 */
	public List<Reservation> find(String orderId) {
		return this.repository.skus(orderId)
			.stream()
			.map((sku) -> this.repository.find(orderId, sku))
			.flatMap(Optional::stream)
			.toList();
	}

}
