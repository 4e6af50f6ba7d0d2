package dev.xboxshop.order.escrow;

import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.escrow.EscrowQuotas.Placement;
import dev.xboxshop.order.events.OutboxRelay;
import dev.xboxshop.order.inventory.WarehouseBusy;

/**
 * Sells an escrow order from the replicas' quotas: CONFIRMED at once with no call to
 * inventory while a quota covers it; when none does, one shared warehouse trip gets more,
 * and the order is REJECTED as sold out only when inventory has nothing left either.
 */
@Component
public class EscrowSales {

	/**
	 * Grants that came back too small for a crowd of shoppers before one gives up (503).
	 */
	private static final int ATTEMPTS = 8;

	private final EscrowQuotas quotas;

	private final LeaseKeeper keeper;

	private final OrderRepository orders;

	private final OutboxRelay relay;

	private final int purchaseLimit;

	/** How long a shopper keeps asking for more while others take each refill first. */
	private final Duration patience;

	EscrowSales(EscrowQuotas quotas, LeaseKeeper keeper, OrderRepository orders, OutboxRelay relay,
			OrderProperties properties, EscrowProperties escrow) {
		this.patience = escrow.patience();
		this.quotas = quotas;
		this.keeper = keeper;
		this.orders = orders;
		this.relay = relay;
		this.purchaseLimit = properties.purchaseLimit();
	}

	/**
	 * @param order the new order (status ignored: it is stored CONFIRMED or REJECTED)
	 * @return the outcome
	 * @throws dev.xboxshop.order.inventory.WarehouseUnavailable when a quota ran dry and
	 * inventory does not answer
	 */
	public Sale sell(Order order) {
		long giveUpAt = System.nanoTime() + this.patience.toNanos();
		boolean nothingLeft = false;
		while (true) {
			Placement placement = this.quotas.place(order, this.keeper.replicaId(), true, this.purchaseLimit);
			switch (placement.state()) {
				case CONFIRMED:
					this.relay.wake();
					counted(order, placement.left());
					return new Sale(Sale.State.CONFIRMED, reload(order), 0);
				case EXISTS:
					return new Sale(Sale.State.EXISTS, reload(order), 0);
				case LIMIT:
					return new Sale(Sale.State.LIMIT, order, Integer.parseInt(placement.detail()));
				default:
					// no quota covers it, and inventory said it has nothing left
					if (nothingLeft || this.keeper.knownSoldOut(placement.detail())) {
						return rejected(order);
					}
			}
			LeaseAnswer grant = this.keeper.refillNow(placement.detail(), quantity(order, placement.detail()));
			nothingLeft = grant.moved() == 0 && grant.available() <= 0;
			if (System.nanoTime() > giveUpAt) {
				// the last units keep going to other shoppers first: try again
				throw new WarehouseBusy();
			}
		}
	}

	private Sale rejected(Order order) {
		Placement placement = this.quotas.place(order, this.keeper.replicaId(), false, this.purchaseLimit);
		return new Sale((placement.state() == Placement.State.EXISTS) ? Sale.State.EXISTS : Sale.State.REJECTED,
				reload(order), 0);
	}

	private void counted(Order order, Map<String, Long> left) {
		for (OrderLine line : order.items()) {
			this.keeper.sold(line.sku(), line.quantity(), left.getOrDefault(line.sku(), 0L));
		}
	}

	private static int quantity(Order order, String sku) {
		return order.items().stream().filter((line) -> line.sku().equals(sku)).mapToInt(OrderLine::quantity).sum();
	}

	private Order reload(Order order) {
		return this.orders.find(order.orderId()).orElse(order);
	}

	/**
	 * @param state what happened
	 * @param order the order as it stands
	 * @param heldUnits launch-item units the customer held when the limit refused
	 */
	public record Sale(State state, Order order, int heldUnits) {

		public enum State {

			CONFIRMED, REJECTED, EXISTS, LIMIT

		}

		public boolean confirmed() {
			return this.order.status() == OrderStatus.CONFIRMED;
		}

	}

}
