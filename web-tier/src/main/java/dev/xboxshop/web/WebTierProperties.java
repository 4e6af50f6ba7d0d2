package dev.xboxshop.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the storefront ({@code shop.web.*}).
 *
 * @param gatewayUrl every API call goes through the gateway, never straight to a service
 * @param partTimeout how long one part of a page may take before its fallback is shown
 * @param callTimeout how long a part's HTTP call may run on after its part gave up (a
 * late product answer still refreshes the stock cache)
 * @param checkoutTimeout how long placing an order may take (a sync checkout waits for
 * the warehouse)
 * @param stockCacheTtl how old the last known stock may be and still be shown, labelled
 * stale
 * @param orderPollInterval how often the order status relay asks for the order
 * @param orderWatchLimit how long one order status stream stays open
 * @param launchSku the product the launch page sells
 * @param secureCookies mark the shopper and operator cookies Secure (behind TLS)
 * @param auditTimeout how long the auditor's report may take (the lab fetches it in the
 * background; an audit takes longer than a page part may)
 */
@ConfigurationProperties("shop.web")
public record WebTierProperties(@DefaultValue("http://localhost:8080") String gatewayUrl,
		@DefaultValue("300ms") Duration partTimeout, @DefaultValue("2s") Duration callTimeout,
		@DefaultValue("5s") Duration checkoutTimeout, @DefaultValue("2m") Duration stockCacheTtl,
		@DefaultValue("1s") Duration orderPollInterval, @DefaultValue("5m") Duration orderWatchLimit,
		@DefaultValue("XBOX-SERIES-X") String launchSku, @DefaultValue("false") boolean secureCookies,
		@DefaultValue("10s") Duration auditTimeout) {

}
