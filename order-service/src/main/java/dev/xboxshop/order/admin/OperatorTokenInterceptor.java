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

	private static final String BEARER = "Bearer ";

	private final byte[] token;

	OperatorTokenInterceptor(OperatorProperties properties) {
		this.token = properties.token().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/admin/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.startsWith(BEARER) || !MessageDigest
			.isEqual(header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8), this.token)) {
			throw new Unauthorized();
		}
		return true;
	}

}
