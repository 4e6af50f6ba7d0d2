package dev.xboxshop.gateway.operator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.xboxshop.websupport.operator.OperatorToken;

/**
 * The one operator-token check of the shop ({@link OperatorToken}, from
 * shop-web-support), built once from {@code shop.operator.token}: a blank token fails the
 * start. The operator routes and the gateway's own scrape endpoint use it.
 */
@Configuration(proxyBeanMethods = false)
class OperatorTokenConfiguration {

	@Bean
	OperatorToken operatorToken(OperatorProperties properties) {
		return new OperatorToken(properties.token());
	}

}
