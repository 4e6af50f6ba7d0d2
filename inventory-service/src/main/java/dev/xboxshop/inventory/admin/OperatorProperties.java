package dev.xboxshop.inventory.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token the bearer token operator endpoints require ({@code SHOP_OPERATOR_TOKEN})
 */
@ConfigurationProperties("shop.operator")
record OperatorProperties(@DefaultValue("xbox-launch-operator") String token) {

}
