package dev.xboxshop.inventory.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.catalog.UnknownProduct;
import dev.xboxshop.inventory.reservation.InvalidQuantity;
import dev.xboxshop.inventory.reservation.ReservationResult;
import dev.xboxshop.inventory.reservation.Reservations;
import dev.xboxshop.inventory.web.MalformedRequest;

/**
 * Settles an async order: reserves every line with the same idempotent script as sync
 * checkout, in sku order, and if a line cannot be had, releases the lines already held.
 * Settling the same order again repeats each line's first outcome, so a redelivered event
 * gets the same answer and changes nothing.
 */
@Component
class OrderStock {

	private final Reservations reservations;

	OrderStock(Reservations reservations) {
		this.reservations = reservations;
	}

	StockAnswer settle(OrderPlaced order) {
		SortedMap<String, Integer> lines = lines(order);
		List<String> held = new ArrayList<>();
		String releasedLine = null;
		for (Map.Entry<String, Integer> line : lines.entrySet()) {
			String sku = line.getKey();
			Outcome outcome = reserve(order.orderId(), sku, line.getValue());
			if (outcome.refusal() != null) {
				held.forEach((heldSku) -> this.reservations.release(order.orderId(), heldSku));
				return rejected(order.orderId(), sku, outcome.refusal());
			}
			if (outcome.held()) {
				held.add(sku);
			}
			else if (releasedLine == null) {
				releasedLine = sku;
			}
		}
		if (releasedLine != null) {
			// released since (the order was cancelled meanwhile): nothing may be held for
			// it
			held.forEach((heldSku) -> this.reservations.release(order.orderId(), heldSku));
			return rejected(order.orderId(), releasedLine, "reservation released");
		}
		List<OrderItem> items = lines.entrySet().stream().map((l) -> new OrderItem(l.getKey(), l.getValue())).toList();
		return new StockAnswer(Topics.STOCK_RESERVED, order.orderId(), new StockReserved(
				eventId(Topics.STOCK_RESERVED, order.orderId()), Instant.now(), order.orderId(), items));
	}

	private Outcome reserve(String orderId, String sku, int quantity) {
		try {
			ReservationResult result = this.reservations.reserve(orderId, sku, quantity);
			return switch (result.reservation().status()) {
				case RESERVED -> new Outcome(true, null);
				case RELEASED -> new Outcome(false, null);
				case REJECTED -> new Outcome(false, reasonOr(result.reservation().reason(), "sold out"));
			};
		}
		catch (UnknownProduct ex) {
			return new Outcome(false, "unknown product");
		}
		catch (InvalidQuantity ex) {
			return new Outcome(false, "invalid quantity");
		}
		catch (MalformedRequest ex) {
			throw new MalformedEvent("OrderPlaced with an unusable order id", ex);
		}
	}

	/**
	 * The order's lines by sku, with repeated skus added up, since one order holds one
	 * reservation per sku.
	 */
	private static SortedMap<String, Integer> lines(OrderPlaced order) {
		SortedMap<String, Integer> lines = new TreeMap<>();
		order.items().forEach((item) -> lines.merge(item.sku(), item.quantity(), Integer::sum));
		return lines;
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

	private record Outcome(boolean held, String refusal) {
	}

}
