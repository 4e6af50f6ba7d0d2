package dev.xboxshop.websupport.problem;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every servlet service of the shop answers errors raised outside its controllers as
 * problem+json, by depending on this module: the container's error path
 * ({@link ProblemErrorController}, in place of Boot's) and Tomcat's own error report
 * ({@link ProblemErrorReportValve}, for requests Tomcat rejects before Spring sees them:
 * an undecodable or encoded-slash path, an {@code Expect} it cannot meet). The bad-input
 * suite found cart-service and order-service answering those with Tomcat's HTML page or
 * an empty body; inventory-service had both pieces of its own.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.boot.webmvc.error.ErrorController")
public class ProblemErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
	static class TomcatErrorReports {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

	}

}
