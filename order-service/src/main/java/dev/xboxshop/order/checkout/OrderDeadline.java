package dev.xboxshop.order.checkout;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.Apology;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderStatus;

/**
 * Cancels ACCEPTED orders whose deadline passed (each mode sets its own: an async order
 * whose stock answer never came, a sync order whose replica died mid-call) and, in the
 * same step, puts whatever inventory may have reserved for them in the release outbox, so
 * no order waits forever and no stock is stranded. Replicas may sweep at once: the
 * compare-and-set lets one win.
 */
@Component
class OrderDeadline {

	static final String REASON = Apology.LATE;

	private static final Logger log = LoggerFactory.getLogger(OrderDeadline.class);

	private static final int BATCH = 100;

	private final OrderRepository orders;

	private final Clock clock;

	OrderDeadline(OrderRepository orders, Clock clock) {
		this.orders = orders;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 500)
	void cancelOverdue() {
		for (String orderId : this.orders.pastDeadline(this.clock.instant(), BATCH)) {
			Order order = this.orders.find(orderId).orElse(null);
			if (order == null) {
				this.orders.forgetDeadline(orderId);
				continue;
			}
			if (this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, REASON, order.skus())
				.changed()) {
				log.info("Cancelled order {} ({}) after its deadline", orderId, order.mode().value());
			}
			else {
				this.orders.forgetDeadline(orderId);
			}
		}
	}

}
