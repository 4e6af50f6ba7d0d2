package dev.xboxshop.order.checkout;

import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.OutboxEntry;
import dev.xboxshop.order.backlog.BookingBacklog;
import dev.xboxshop.order.events.OrderPlaced;
import dev.xboxshop.order.events.OutboxRelay;
import dev.xboxshop.websupport.tracing.TraceParents;

/**
 * Optimistic: store the order ACCEPTED together with its OrderPlaced event in the outbox
 * (one Lua script), answer 202 at once, and let inventory's answer settle it later. Works
 * while inventory or Kafka is down; the event waits in the outbox. When booking is so far
 * behind that the order would likely be cancelled for time, it is refused up front (503
 * {@code busy}) instead.
 */
@Component
class AsyncCheckout implements Checkout {

	private final OrderIntake intake;

	private final OutboxRelay relay;

	private final JsonMapper json;

	private final BookingBacklog backlog;

	private final Duration deadline;

	private final TraceParents traces;

	AsyncCheckout(OrderIntake intake, OutboxRelay relay, JsonMapper json, BookingBacklog backlog,
			OrderProperties properties, TraceParents traces) {
		this.intake = intake;
		this.relay = relay;
		this.json = json;
		this.backlog = backlog;
		this.deadline = properties.async().deadline();
		this.traces = traces;
	}

	@Override
	public CheckoutMode mode() {
		return CheckoutMode.ASYNC;
	}

	@Override
	public CheckoutOutcome place(PlacementRequest request) {
		this.backlog.admit();
		Order order = this.intake.accept(request, CheckoutMode.ASYNC, this.deadline, this::orderPlaced);
		this.relay.wake();
		return CheckoutOutcome.accepted(order);
	}

	private OutboxEntry orderPlaced(Order order) {
		OrderPlaced event = OrderPlaced.of(order, order.createdAt().plus(this.deadline));
		return new OutboxEntry(event.recordKey(), this.json.writeValueAsString(event), this.traces.current());
	}

}
