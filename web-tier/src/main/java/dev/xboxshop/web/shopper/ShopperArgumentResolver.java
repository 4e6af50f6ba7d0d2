package dev.xboxshop.web.shopper;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets handlers take a {@link Shopper} parameter, filled in by
 * {@link ShopperCookieFilter}.
 */
class ShopperArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Shopper.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Object shopper = (request != null) ? request.getAttribute(ShopperCookieFilter.ATTRIBUTE) : null;
		if (shopper == null) {
			throw new IllegalStateException("ShopperCookieFilter did not run for this request");
		}
		return shopper;
	}

}
