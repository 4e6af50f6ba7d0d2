package dev.xboxshop.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the order store bounded: final orders placed longer ago than
 * {@code shop.order.retention} are retired a batch at a time, each by one script that
 * also moves it from the auditor's live figures to its retired ones. Replicas may sweep
 * at once: the script retires an order once.
 */
@Component
public class OrderRetention {

	private static final Logger log = LoggerFactory.getLogger(OrderRetention.class);

	private static final int BATCH = 500;

	private final OrderRepository orders;

	private final Clock clock;

	private final Duration retention;

	OrderRetention(OrderRepository orders, Clock clock, OrderProperties properties) {
		this.orders = orders;
		this.clock = clock;
		this.retention = properties.retention();
	}

	@Scheduled(fixedDelayString = "${shop.order.retention-sweep:60s}", initialDelayString = "5s")
	void sweep() {
		retireBefore(this.clock.instant().minus(this.retention));
	}

	/**
	 * Retire the final orders placed before a moment.
	 * @param before the moment
	 * @return how many were retired
	 */
	public int retireBefore(Instant before) {
		int retired = 0;
		while (true) {
			List<Order> batch = this.orders.placedBefore(before, BATCH);
			int removed = 0;
			for (Order order : batch) {
				removed += this.orders.retire(order) ? 1 : 0;
			}
			retired += removed;
			// an ACCEPTED order stays (its deadline ends it first): stop at a batch that
			// moved nothing, or the sweep would read it again and again
			if (batch.size() < BATCH || removed == 0) {
				if (retired > 0) {
					log.info("Retired {} order(s) placed before {}", retired, before);
				}
				return retired;
			}
		}
	}

}
