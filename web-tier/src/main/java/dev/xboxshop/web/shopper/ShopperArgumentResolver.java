package dev.xboxshop.web.shopper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets handlers take a {@link Shopper} parameter, from {@link ShopperCookie}.
 */
class ShopperArgumentResolver implements HandlerMethodArgumentResolver {

	private final ShopperCookie cookie;

	ShopperArgumentResolver(ShopperCookie cookie) {
		this.cookie = cookie;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Shopper.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		if (request == null || response == null) {
			throw new IllegalStateException("A Shopper is known only in a servlet request");
		}
		return this.cookie.shopper(request, response);
	}

}
