package dev.xboxshop.order.inventory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.xboxshop.order.InvalidQuantity;

/**
 * Calls to inventory-service, each through the {@link InventoryGuard}: reservations once
 * (the sync timeout, the breaker and the bulkhead), releases and stock reads retried as
 * well. While the guard turns a reservation away, a sku this replica knows is sold out
 * ({@link KnownStock}) is answered sold out at once.
 */
public class InventoryClient {

	private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);

	private static final TypeReference<List<StockLevel>> STOCK = new TypeReference<>() {
	};

	private final RestClient http;

	private final InventoryGuard guard;

	private final KnownStock known;

	private final JsonMapper json;

	InventoryClient(RestClient http, InventoryGuard guard, KnownStock known, JsonMapper json) {
		this.http = http;
		this.guard = guard;
		this.known = known;
		this.json = json;
	}

	/**
	 * Reserve stock for one order line.
	 * @param reservationId the id inventory keeps the reservation under (idempotent)
	 * @param sku the product
	 * @param quantity units
	 * @return reserved, or sold out (also while the call is refused, for a sku known to
	 * be sold out)
	 * @throws WarehouseUnavailable when there is no answer in time, an error, or the
	 * breaker or bulkhead refused the call
	 */
	public ReservationOutcome reserve(String reservationId, String sku, int quantity) {
		ReservationOutcome outcome;
		try {
			outcome = this.guard.once(() -> post(reservationId, sku, quantity));
		}
		catch (CallRefused ex) {
			if (this.known.soldOut(sku, quantity)) {
				return ReservationOutcome.soldOut("Sold out: inventory said so last.");
			}
			throw ex;
		}

		this.known.answered(sku, quantity, outcome.reserved());
		return outcome;
	}

	private ReservationOutcome post(String reservationId, String sku, int quantity) {
		String body = this.json.writeValueAsString(Map.of("orderId", reservationId, "sku", sku, "quantity", quantity));
		try {
			return this.http.post()
				.uri("/api/reservations")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
					return answer(status, text, sku);
				});
		}
		catch (RestClientException | JacksonException ex) {
			throw new WarehouseUnavailable("The warehouse did not answer in time; please try again.", true);
		}
	}

	private ReservationOutcome answer(int status, String body, String sku) {
		if (status == 200 || status == 201) {
			Reservation reservation = this.json.readValue(body, Reservation.class);
			return switch (reservation.status()) {
				case "RESERVED" -> ReservationOutcome.ofReserved();
				case "REJECTED" -> ReservationOutcome.soldOut(reservation.reason());
				default -> throw new WarehouseUnavailable(
						"The warehouse answered with a " + reservation.status() + " reservation.", false);
			};
		}
		if (status == 503 && isProblem(body, "/warehouse-busy")) {
			throw new WarehouseBusy();
		}
		return switch (status) {
			case 409 -> ReservationOutcome.soldOut(detail(body));
			case 404 -> throw new UnknownProduct(sku);
			case 400 -> throw new InvalidQuantity(detail(body));
			default -> throw new WarehouseUnavailable("The warehouse answered " + status + "; please try again.",
					status >= 500 && !refusedUpFront(status, body));
		};
	}

	/**
	 * Whether inventory refused before touching stock: only a 503 of type
	 * {@code warehouse-busy} or {@code warehouse-unavailable} promises that. Any other
	 * 5xx (also {@code stock-store-unavailable}: the store failed, perhaps after the
	 * reservation was written) leaves the outcome unknown, so the caller releases to be
	 * safe.
	 */
	private boolean refusedUpFront(int status, String body) {
		if (status != 503) {
			return false;
		}
		return isProblem(body, "/warehouse-busy") || isProblem(body, "/warehouse-unavailable");
	}

	private boolean isProblem(String body, String typeSuffix) {
		String type = problemField(body, "type");
		return type != null && type.endsWith(typeSuffix);
	}

	/**
	 * Release one line's reservation (idempotent at inventory, which leaves a tombstone
	 * when it has not seen the reservation yet).
	 * @param orderId the order the reservation is held under
	 * @param sku the line's sku, or null for every line of the order
	 * @return what inventory said
	 */
	public ReleaseResult release(String orderId, String sku) {
		try {
			return this.guard.idempotent(() -> delete(orderId, sku));
		}
		catch (WarehouseUnavailable ex) {
			log.debug("Releasing {} of {} failed: {}", sku, orderId, ex.getMessage());
			return ReleaseResult.FAILED;
		}
	}

	private ReleaseResult delete(String orderId, String sku) {
		try {
			return this.http.delete()
				.uri((uri) -> uri.path("/api/reservations/{id}")
					.queryParamIfPresent("sku", Optional.ofNullable(sku))
					.build(orderId))
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					if (status / 100 == 2) {
						return ReleaseResult.RELEASED;
					}
					if (status == 404) {
						return ReleaseResult.NOT_RESERVED;
					}
					if (status >= 500) {
						throw new WarehouseUnavailable("Inventory answered " + status + " to a release.", false);
					}
					return ReleaseResult.REFUSED;
				});
		}
		catch (RestClientException ex) {
			throw new WarehouseUnavailable("Inventory did not answer a release: " + ex.getMessage(), false);
		}
	}

	/**
	 * Inventory's stock figures.
	 * @return one entry per sku
	 * @throws WarehouseUnavailable when inventory cannot be read
	 */
	public List<StockLevel> stock() {
		List<StockLevel> levels = this.guard.idempotent(this::readStock);
		this.known.read(levels);
		return levels;
	}

	private List<StockLevel> readStock() {
		try {
			String body = this.http.get().uri("/api/stock").retrieve().body(String.class);
			return this.json.readValue(body, STOCK);
		}
		catch (RestClientException | JacksonException ex) {
			throw new WarehouseUnavailable("Inventory stock could not be read: " + ex.getMessage(), false);
		}
	}

	private String detail(String problem) {
		return problemField(problem, "detail");
	}

	private String problemField(String problem, String field) {
		try {
			JsonNode node = this.json.readTree(problem);
			return node.path(field).asString(null);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** What became of a release. */
	public enum ReleaseResult {

		/** Released now or before. */
		RELEASED,
		/** Inventory has nothing to release: it keeps no stock of the sku. */
		NOT_RESERVED,
		/** No answer or a server error: try again. */
		FAILED,
		/** Refused for good (a client error). */
		REFUSED

	}

}
