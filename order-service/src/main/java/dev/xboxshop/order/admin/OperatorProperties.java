package dev.xboxshop.order.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.operator.*}, shared by every service.
 *
 * @param token the bearer token operator endpoints require
 */
@ConfigurationProperties("shop.operator")
record OperatorProperties(@DefaultValue("xbox-launch-operator") String token) {

}
