package dev.xboxshop.order.checkout;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.escrow.EscrowSales;
import dev.xboxshop.order.escrow.EscrowSales.Sale;

/**
 * Escrow: the order is confirmed (201) at once from a lease of stock this replica holds,
 * with no call to inventory on the way, stored with its event in the outbox; 409 sold out
 * only when every lease and inventory's available stock are empty ({@link EscrowSales}).
 */
@Component
class EscrowCheckout implements Checkout {

	private final EscrowSales sales;

	private final OrderProperties properties;

	private final Clock clock;

	EscrowCheckout(EscrowSales sales, OrderProperties properties, Clock clock) {
		this.sales = sales;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public CheckoutMode mode() {
		return CheckoutMode.ESCROW;
	}

	@Override
	public CheckoutOutcome place(PlacementRequest request) {
		Sale sale = this.sales
			.sell(request.newOrder(CheckoutMode.ESCROW, this.clock.instant(), this.properties.launchSku()));
		return switch (sale.state()) {
			case LIMIT -> throw new PurchaseLimitReached(this.properties.launchSku(), this.properties.purchaseLimit(),
					sale.heldUnits());
			case CONFIRMED -> CheckoutOutcome.confirmed(sale.order());
			default -> switch (sale.order().status()) {
				case CONFIRMED -> CheckoutOutcome.confirmed(sale.order());
				case CANCELLED -> CheckoutOutcome.cancelled(sale.order());
				case ACCEPTED -> CheckoutOutcome.accepted(sale.order());
				default -> CheckoutOutcome.soldOut(sale.order());
			};
		};
	}

}
