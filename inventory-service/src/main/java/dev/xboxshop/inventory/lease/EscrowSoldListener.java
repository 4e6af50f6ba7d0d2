package dev.xboxshop.inventory.lease;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.events.MalformedEvent;

/**
 * Moves the units of each escrow sale from its lease to a reservation of the order. The
 * order is already confirmed, so nothing is answered; the settle script makes a repeat
 * change nothing. A malformed record goes to {@code orders.escrowed.dlt} (the shared
 * error handler); an outage is retried until it passes.
 */
@Component
class EscrowSoldListener {

	static final String TOPIC = "orders.escrowed";

	private final JsonMapper json;

	private final LeaseLedger ledger;

	EscrowSoldListener(JsonMapper json, LeaseLedger ledger) {
		this.json = json;
		this.ledger = ledger;
	}

	@KafkaListener(id = "inventory-orders-escrowed", topics = TOPIC,
			groupId = "${spring.kafka.consumer.group-id:inventory-service}")
	void onEscrowSold(String value) {
		EscrowSold sold = parse(value);
		// a replica may sell from another live replica's quota: each line names its lease
		sold.items()
			.forEach((item) -> this.ledger.settle(sold.orderId(), item.sku(), item.quantity(),
					(item.replicaId() != null) ? item.replicaId() : sold.replicaId()));
	}

	private EscrowSold parse(String value) {
		EscrowSold sold;
		try {
			sold = (value != null) ? this.json.readValue(value, EscrowSold.class) : null;
		}
		catch (JacksonException ex) {
			throw new MalformedEvent("Not an EscrowSold event", ex);
		}
		if (sold == null || sold.orderId() == null || sold.replicaId() == null || sold.items() == null
				|| sold.items().isEmpty()
				|| sold.items()
					.stream()
					.anyMatch((item) -> item == null || item.sku() == null || item.quantity() == null
							|| item.quantity() < 1)) {
			throw new MalformedEvent("EscrowSold without an order id, replica id or complete items", null);
		}
		return sold;
	}

}
