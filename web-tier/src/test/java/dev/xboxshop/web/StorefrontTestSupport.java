package dev.xboxshop.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import dev.xboxshop.web.security.OperatorSession;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The storefront against the stand-in gateway. Every test class extends this, so they
 * share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class StorefrontTestSupport {

	/** A shopper who has been here before. */
	protected static final String CUSTOMER = "8a6f4c1e-2b9d-4f3a-9c7e-5d1b2a3c4e5f";

	protected final StandInGateway gateway = StandInGateway.shared();

	@Autowired
	protected MockMvc mvc;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("shop.web.gateway-url", () -> StandInGateway.shared().url());
		// long enough that a part answered at once by the stand-in is never late on a
		// loaded machine (a cart read that took 300 ms hid the checkout form in CI); the
		// tests of late parts hold their reads until the page is back, whatever the value
		registry.add("shop.web.part-timeout", () -> "1s");
		registry.add("shop.web.order-poll-interval", () -> "100ms");
		registry.add("shop.operator.token", () -> StandInGateway.TOKEN);
		// a small, quick rush and a short drain wait; every audit read afresh, so each
		// test sees its own stand-in audit
		registry.add("shop.web.lab.rush-checkouts", () -> "20");
		registry.add("shop.web.lab.rush-duration", () -> "500ms");
		registry.add("shop.web.lab.drain-limit", () -> "1s");
		registry.add("shop.web.lab.audit-max-age", () -> "0s");
	}

	private static boolean warm;

	@BeforeEach
	void resetGateway() throws Exception {
		warmUpOnce();
		this.gateway.reset();
	}

	/**
	 * The first calls in a fresh JVM (HTTP client, JSON mapping, templates) can take
	 * longer than a part timeout; one page before the first test keeps that out of the
	 * tests' budgets. It waits until the warm-up's calls have all reached the stand-in,
	 * so none lands in a test.
	 */
	private void warmUpOnce() throws Exception {
		synchronized (StorefrontTestSupport.class) {
			if (warm) {
				return;
			}
			this.mvc.perform(get("/").cookie(shopper()));
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.gateway.requests().size() >= 4);
			warm = true;
		}
	}

	/** Signs in to the lab as the operator. */
	protected Cookie operator() throws Exception {
		Cookie cookie = this.mvc
			.perform(MockMvcRequestBuilders.post("/lab/login")
				.param("token", StandInGateway.TOKEN)
				.with(SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn()
			.getResponse()
			.getCookie(OperatorSession.COOKIE);
		Assertions.assertThat(cookie).as("the operator's session cookie").isNotNull();
		return cookie;
	}

	protected static Cookie shopper() {
		return new Cookie("shop_customer", StandInGateway.token(CUSTOMER));
	}

}
