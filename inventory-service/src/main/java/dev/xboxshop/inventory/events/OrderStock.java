package dev.xboxshop.inventory.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.catalog.UnknownProduct;
import dev.xboxshop.inventory.reservation.InvalidQuantity;
import dev.xboxshop.inventory.reservation.ReservationRequest;
import dev.xboxshop.inventory.reservation.ReservationResult;
import dev.xboxshop.inventory.reservation.ReservationStatus;
import dev.xboxshop.inventory.reservation.Reservations;

/**
 * Settles a batch of async orders with one warehouse trip: every line of every live order
 * is reserved by one script per sku, in arrival order (first come, first served); an
 * order past its deadline is refused without warehouse work; an order with a line that
 * cannot be had gives back the lines it got. Settling the same order again repeats each
 * line's first outcome, so a redelivered event gets the same answer and changes nothing.
 */
@Component
class OrderStock {

	/** The refusal of an order that reached inventory after its deadline. */
	static final String DEADLINE_PASSED = "deadline passed";

	private final Reservations reservations;

	private final Clock clock;

	OrderStock(Reservations reservations, Clock clock) {
		this.reservations = reservations;
		this.clock = clock;
	}

	/**
	 * @param orders well-formed orders, in arrival order
	 * @return one answer per order, in the same order
	 */
	List<StockAnswer> settle(List<OrderPlaced> orders) {
		Instant now = this.clock.instant();
		List<Settlement> settlements = orders.stream().map((order) -> new Settlement(order, now)).toList();
		List<ReservationRequest> live = new ArrayList<>();
		List<ReservationRequest> expired = new ArrayList<>();
		for (Settlement settlement : settlements) {
			if (settlement.refusal == null) {
				(settlement.expired ? expired : live).addAll(settlement.requests());
			}
		}
		Map<ReservationRequest, ReservationResult> outcomes = new HashMap<>();
		record(outcomes, live, this.reservations.reserveAll(live));
		record(outcomes, expired, this.reservations.refuseAll(expired, DEADLINE_PASSED));
		return settlements.stream().map((settlement) -> answer(settlement, outcomes)).toList();
	}

	private static void record(Map<ReservationRequest, ReservationResult> outcomes, List<ReservationRequest> lines,
			List<ReservationResult> results) {
		for (int i = 0; i < lines.size(); i++) {
			outcomes.put(lines.get(i), results.get(i));
		}
	}

	private StockAnswer answer(Settlement settlement, Map<ReservationRequest, ReservationResult> outcomes) {
		String orderId = settlement.order.orderId();
		if (settlement.refusal != null) {
			return rejected(orderId, settlement.lines.firstKey(), settlement.refusal);
		}
		List<String> held = new ArrayList<>();
		String failedSku = null;
		String failure = null;
		for (ReservationRequest line : settlement.requests()) {
			ReservationResult result = outcomes.get(line);
			if (result.reserved()) {
				held.add(line.sku());
			}
			else if (failure == null) {
				failedSku = line.sku();
				// released since: the order was cancelled meanwhile, nothing may be held
				failure = (result.reservation().status() == ReservationStatus.RELEASED) ? "reservation released"
						: reasonOr(result.reservation().reason(), "sold out");
			}
		}
		if (failure != null) {
			held.forEach((sku) -> this.reservations.release(orderId, sku));
			return rejected(orderId, failedSku, failure);
		}
		List<OrderItem> items = settlement.lines.entrySet()
			.stream()
			.map((line) -> new OrderItem(line.getKey(), line.getValue()))
			.toList();
		return new StockAnswer(Topics.STOCK_RESERVED, orderId,
				new StockReserved(eventId(Topics.STOCK_RESERVED, orderId), Instant.now(), orderId, items));
	}

	private static StockAnswer rejected(String orderId, String sku, String reason) {
		return new StockAnswer(Topics.STOCK_REJECTED, orderId,
				new StockRejected(eventId(Topics.STOCK_REJECTED, orderId), Instant.now(), orderId, sku, reason));
	}

	static String eventId(String topic, String orderId) {
		return UUID.nameUUIDFromBytes((topic + ":" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String reasonOr(String reason, String fallback) {
		return (reason != null) ? reason : fallback;
	}

	/**
	 * One order of a batch: its lines by sku (repeated skus added up, since one order
	 * holds one reservation per sku), and what is known before any reservation.
	 */
	private final class Settlement {

		private final OrderPlaced order;

		private final SortedMap<String, Integer> lines = new TreeMap<>();

		private final boolean expired;

		private final String refusal;

		Settlement(OrderPlaced order, Instant now) {
			this.order = order;
			order.items().forEach((item) -> this.lines.merge(item.sku(), item.quantity(), Integer::sum));
			this.expired = order.expired(now);
			this.refusal = refusal();
		}

		private String refusal() {
			try {
				this.lines.forEach(
						(sku, quantity) -> OrderStock.this.reservations.validate(this.order.orderId(), sku, quantity));
				return null;
			}
			catch (UnknownProduct ex) {
				return "unknown product";
			}
			catch (InvalidQuantity ex) {
				return "invalid quantity";
			}
		}

		List<ReservationRequest> requests() {
			return this.lines.entrySet()
				.stream()
				.map((line) -> new ReservationRequest(this.order.orderId(), line.getKey(), line.getValue()))
				.toList();
		}

	}

}
