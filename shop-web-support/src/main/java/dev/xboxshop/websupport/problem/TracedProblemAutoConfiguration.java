package dev.xboxshop.websupport.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every servlet service of the shop names the request's trace in its problem bodies by
 * depending on this module.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class TracedProblemAutoConfiguration {

	@Bean
	TracedProblemAdvice tracedProblemAdvice() {
		return new TracedProblemAdvice();
	}

}
