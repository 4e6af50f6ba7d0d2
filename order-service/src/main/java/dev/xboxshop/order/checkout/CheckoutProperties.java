package dev.xboxshop.order.checkout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.xboxshop.order.CheckoutMode;

/**
 * {@code shop.checkout.*}.
 *
 * @param mode the checkout mode until an operator switches it
 * @param modeRefresh how long a replica trusts its copy of the live mode; every replica
 * sees a switch within this time
 */
@ConfigurationProperties("shop.checkout")
record CheckoutProperties(@DefaultValue("sync") CheckoutMode mode, @DefaultValue("500ms") Duration modeRefresh) {

}
