package dev.xboxshop.web.lab;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live lab ({@code shop.web.lab.*}).
 *
 * @param rushCheckouts how many checkouts one launch rush sends at most
 * @param rushDuration over how long the rush spreads them (a steady rate)
 * @param rushConcurrency how many of its checkouts may be in flight at once
 * @param rushRequestTimeout how long one rush checkout may take before it counts as a
 * timeout
 * @param latencyWindow how many recent rush checkouts per mode the latency figures cover
 * @param demoStock the stock "reset demo" puts back: what the shop seeds (inventory's
 * {@code shop.inventory.launch-stock})
 * @param defaultMode the mode "reset demo" switches back to: the shop's configured
 * default ({@code shop.checkout.mode})
 * @param drainLimit how long "reset demo" waits for the async backlog to drain
 * @param auditMaxAge how old the last audit may be before the lab asks for a new one
 */
@ConfigurationProperties("shop.web.lab")
record LabProperties(@DefaultValue("200") int rushCheckouts, @DefaultValue("5s") Duration rushDuration,
		@DefaultValue("32") int rushConcurrency, @DefaultValue("5s") Duration rushRequestTimeout,
		@DefaultValue("500") int latencyWindow, @DefaultValue("1000") int demoStock,
		@DefaultValue("sync") String defaultMode, @DefaultValue("30s") Duration drainLimit,
		@DefaultValue("1s") Duration auditMaxAge) {

}
