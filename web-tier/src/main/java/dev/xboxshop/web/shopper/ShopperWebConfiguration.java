package dev.xboxshop.web.shopper;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ShopperWebConfiguration implements WebMvcConfigurer {

	private final ShopperCookie cookie;

	ShopperWebConfiguration(ShopperCookie cookie) {
		this.cookie = cookie;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ShopperArgumentResolver(this.cookie));
	}

}
