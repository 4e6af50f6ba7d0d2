package dev.xboxshop.web.security;

import dev.xboxshop.web.WebTierProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Shopper pages are open to everyone; the lab needs the operator (see
 * {@link OperatorSession}). Every form post needs the CSRF token, which lives in a cookie
 * so the web-tier keeps no session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

	@Bean
	SecurityFilterChain shopSecurity(HttpSecurity http, OperatorSession operator, WebTierProperties properties) {
		// relative, so the redirect works through the gateway whatever host name the
		// browser used
		LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/lab/login");
		toLogin.setFavorRelativeUris(true);
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax").secure(properties.secureCookies()));
		// the operator is authenticated afresh on every request (from its cookie): the
		// default strategy would take that for a login and replace the token each time,
		// so
		// a lab form expired at the page's next refresh of its figures
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
			.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new OperatorCookieFilter(operator), AnonymousAuthenticationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/lab/login")
				.permitAll()
				.requestMatchers("/lab", "/lab/**")
				.hasRole(OperatorCookieFilter.ROLE)
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
						"/actuator/circuitbreakers")
				.permitAll()
				.requestMatchers("/actuator/**")
				.denyAll()
				.anyRequest()
				.permitAll())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(toLogin,
					PathPatternRequestMatcher.withDefaults().matcher("/lab/**")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
		return http.build();
	}

}
