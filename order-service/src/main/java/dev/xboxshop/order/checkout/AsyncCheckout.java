package dev.xboxshop.order.checkout;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OutboxEntry;
import dev.xboxshop.order.events.OrderPlaced;
import dev.xboxshop.order.events.OutboxRelay;

/**
 * Optimistic: store the order ACCEPTED together with its OrderPlaced event in the outbox
 * (one Lua script), answer 202 at once, and let inventory's answer settle it later. Works
 * while inventory or Kafka is down; the event waits in the outbox.
 */
@Component
class AsyncCheckout implements Checkout {

	private final OrderIntake intake;

	private final OutboxRelay relay;

	private final JsonMapper json;

	AsyncCheckout(OrderIntake intake, OutboxRelay relay, JsonMapper json) {
		this.intake = intake;
		this.relay = relay;
		this.json = json;
	}

	@Override
	public CheckoutMode mode() {
		return CheckoutMode.ASYNC;
	}

	@Override
	public CheckoutOutcome place(PlacementRequest request) {
		Order order = this.intake.accept(request, CheckoutMode.ASYNC, this::orderPlaced);
		this.relay.wake();
		return CheckoutOutcome.accepted(order);
	}

	private OutboxEntry orderPlaced(Order order) {
		OrderPlaced event = OrderPlaced.of(order);
		return new OutboxEntry(event.recordKey(), this.json.writeValueAsString(event));
	}

}
