package dev.xboxshop.websupport.operator;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards {@code /api/admin/**} with {@link OperatorTokenInterceptor}. A service with
 * operator endpoints imports it ({@code @Import(OperatorTokenConfiguration.class)}); it
 * fails the start when {@code shop.operator.token} is blank.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorTokenConfiguration implements WebMvcConfigurer {

	/** The paths the token guards. */
	public static final String ADMIN_PATHS = "/api/admin/**";

	private final OperatorTokenInterceptor interceptor;

	OperatorTokenConfiguration(@Value("${" + OperatorToken.PROPERTY + ":xbox-launch-operator}") String token,
			JsonMapper json) {
		this.interceptor = new OperatorTokenInterceptor(new OperatorToken(token), json);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor).addPathPatterns(ADMIN_PATHS);
	}

}
