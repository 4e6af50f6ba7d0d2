package dev.xboxshop.order.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards {@code /api/admin/**} with the operator's bearer token, before the body is read,
 * so a caller without the token learns nothing else.
 */
@Configuration(proxyBeanMethods = false)
class OperatorTokenInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	private final byte[] expected;

	OperatorTokenInterceptor(OperatorProperties properties) {
		if (properties.token() == null || properties.token().isBlank()) {
			// a blank token would open the operator endpoints to anyone sending "Bearer "
			throw new IllegalStateException("shop.operator.token must not be blank");
		}
		this.expected = ("Bearer " + properties.token()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/admin/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		// the exact header, in constant time, so timing does not reveal how much of a
		// guess
		// was right
		if (header == null || !MessageDigest.isEqual(this.expected, header.getBytes(StandardCharsets.UTF_8))) {
			throw new Unauthorized();
		}
		return true;
	}

}
