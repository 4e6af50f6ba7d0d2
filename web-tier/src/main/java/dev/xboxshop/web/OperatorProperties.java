package dev.xboxshop.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator token ({@code shop.operator.token}), shared with every service. It stays
 * on the server: the web-tier sends it to the gateway as a bearer token and checks the
 * lab login against it, but never writes it into a page or a cookie.
 *
 * @param token the operator token
 */
@ConfigurationProperties("shop.operator")
public record OperatorProperties(@DefaultValue("xbox-launch-operator") String token) {

	@Override
	public String toString() {
		return "OperatorProperties[token=<hidden>]";
	}

}
