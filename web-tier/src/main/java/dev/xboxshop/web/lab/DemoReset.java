package dev.xboxshop.web.lab;

import java.time.Duration;

import dev.xboxshop.web.WebTierProperties;
import dev.xboxshop.web.gateway.Backlog;
import dev.xboxshop.web.gateway.Chaos;
import dev.xboxshop.web.gateway.CheckoutMode;
import dev.xboxshop.web.gateway.GatewayClient;

import org.springframework.stereotype.Component;

/**
 * "Reset demo": chaos off, the async backlog drained (waited for, bounded), the launch
 * stock back to what the shop seeds, the checkout mode back to the shop's default. Chaos
 * goes first so the backlog can drain, and the stock comes after the drain so orders
 * still being booked do not take units from the restocked launch.
 */
@Component
class DemoReset {

	private static final Duration POLL = Duration.ofMillis(250);

	private final GatewayClient gateway;

	private final LabProperties properties;

	private final String sku;

	DemoReset(GatewayClient gateway, LabProperties properties, WebTierProperties web) {
		this.gateway = gateway;
		this.properties = properties;
		this.sku = web.launchSku();
	}

	/**
	 * @return whether the backlog drained within {@code shop.web.lab.drain-limit}
	 * @throws RuntimeException when the gateway refused or did not answer a step
	 */
	boolean reset() {
		this.gateway.setChaos(new Chaos(0, 0, false));
		boolean drained = awaitDrained();
		this.gateway.setStock(this.sku, this.properties.demoStock());
		this.gateway.switchCheckoutMode(defaultMode());
		return drained;
	}

	/**
	 * order-service's own default when it reports one (it owns the mode), else the one
	 * this web tier was started with.
	 */
	private String defaultMode() {
		String reported = this.gateway.defaultCheckoutMode();
		return CheckoutMode.isKnown(reported) ? reported : this.properties.defaultMode();
	}

	private boolean awaitDrained() {
		long deadline = System.nanoTime() + this.properties.drainLimit().toNanos();
		while (true) {
			Backlog backlog = backlogOrNull();
			if (backlog != null && backlog.inFlight() == 0) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
		}
	}

	private Backlog backlogOrNull() {
		try {
			return this.gateway.backlog();
		}
		catch (RuntimeException notNow) {
			return null;
		}
	}

	static boolean isOn(Chaos chaos) {
		return chaos != null && (chaos.down() || chaos.extraLatencyMs() > 0 || chaos.errorRate() > 0);
	}

}
