package dev.xboxshop.gateway.operator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator token every service agrees on ({@code shop.operator.token}, env
 * {@code SHOP_OPERATOR_TOKEN}).
 *
 * @param token the bearer token operator endpoints require
 */
@ConfigurationProperties("shop.operator")
record OperatorProperties(@DefaultValue("xbox-launch-operator") String token) {

}
