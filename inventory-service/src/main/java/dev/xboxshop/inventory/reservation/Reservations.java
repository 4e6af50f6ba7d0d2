package dev.xboxshop.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.xboxshop.inventory.catalog.CatalogEntry;
import dev.xboxshop.inventory.catalog.ProductCatalog;
import dev.xboxshop.inventory.catalog.UnknownProduct;
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
		if (!ORDER_ID.matcher(orderId).matches()) {
			throw new MalformedRequest("orderId must be 1 to 128 letters, digits or . _ : -");
		}
		CatalogEntry entry = this.catalog.entry(sku).orElseThrow(() -> new UnknownProduct(sku));
		if (quantity < 1 || quantity > entry.maxPerOrder()) {
			throw new InvalidQuantity(
					"quantity must be between 1 and " + entry.maxPerOrder() + " for " + sku + ", not " + quantity);
		}
	}

	public ReservationResult reserve(String orderId, String sku, int quantity) {
		validate(orderId, sku, quantity);
		this.warehouse.roundTrip();
		return this.repository.reserve(orderId, sku, quantity).orElseThrow(() -> new UnknownProduct(sku));
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

	public Optional<ReservationResult> release(String orderId, String sku) {
		this.warehouse.roundTrip();
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
