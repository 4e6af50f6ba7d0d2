package dev.xboxshop.cart;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cart service ({@code shop.cart.*}).
 *
 * @param ttl how long an untouched cart lives; every write starts it again
 * @param inventoryUrl base URL of inventory-service, whose catalog prices the cart
 * @param catalogTimeout connect and read timeout of one catalog call
 */
@ConfigurationProperties("shop.cart")
public record CartProperties(@DefaultValue("7d") Duration ttl, @DefaultValue("http://localhost:8083") URI inventoryUrl,
		@DefaultValue("2s") Duration catalogTimeout) {

}
