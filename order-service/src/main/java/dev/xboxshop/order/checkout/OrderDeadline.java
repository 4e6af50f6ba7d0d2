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
import dev.xboxshop.order.inventory.ReservationReleases;

/**
 * Cancels ACCEPTED orders whose stock answer never came
 * ({@code shop.order.async.deadline}) and releases whatever inventory may have reserved
 * for them, so no order waits forever and no stock is stranded. Replicas may sweep at
 * once: the compare-and-set lets one win.
 */
@Component
class OrderDeadline {

	static final String REASON = Apology.LATE;

	private static final Logger log = LoggerFactory.getLogger(OrderDeadline.class);

	private static final int BATCH = 100;

	private final OrderRepository orders;

	private final ReservationReleases releases;

	private final Clock clock;

	OrderDeadline(OrderRepository orders, ReservationReleases releases, Clock clock) {
		this.orders = orders;
		this.releases = releases;
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
			if (this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, REASON).changed()) {
				log.info("Cancelled order {} ({}) after its deadline", orderId, order.mode().value());
				this.releases.schedule(order.reservationIds());
			}
			else {
				this.orders.forgetDeadline(orderId);
			}
		}
	}

}
