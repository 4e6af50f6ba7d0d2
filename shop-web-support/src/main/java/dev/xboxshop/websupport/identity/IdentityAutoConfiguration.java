package dev.xboxshop.websupport.identity;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every service that depends on this module gets {@link CustomerTokens} from
 * {@code shop.identity.secret}; the servlet services also get {@link VerifiedCustomer}.
 */
@AutoConfiguration
public class IdentityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CustomerTokens customerTokens(
			@Value("${" + CustomerTokens.PROPERTY + ":" + CustomerTokens.DEV_SECRET + "}") String secret) {
		return new CustomerTokens(secret);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Servlet {

		@Bean
		FilterRegistrationBean<VerifiedCustomer> verifiedCustomerFilter(CustomerTokens tokens, JsonMapper json) {
			FilterRegistrationBean<VerifiedCustomer> registration = new FilterRegistrationBean<>(
					new VerifiedCustomer(tokens, json));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
			return registration;
		}

	}

}
