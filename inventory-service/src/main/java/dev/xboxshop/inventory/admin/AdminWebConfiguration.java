package dev.xboxshop.inventory.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.xboxshop.websupport.operator.OperatorTokenConfiguration;

/**
 * The operator endpoints need the operator's bearer token ({@code shop.operator.token});
 * the service does not start with a blank one.
 */
@Configuration(proxyBeanMethods = false)
@Import(OperatorTokenConfiguration.class)
class AdminWebConfiguration {

}
