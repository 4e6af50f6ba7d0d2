package dev.xboxshop.inventory.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
class AdminWebConfiguration implements WebMvcConfigurer {

	private final OperatorProperties operator;

	AdminWebConfiguration(OperatorProperties operator) {
		this.operator = operator;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new OperatorTokenInterceptor(this.operator.token())).addPathPatterns("/api/admin/**");
	}

}
