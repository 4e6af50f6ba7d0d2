package dev.xboxshop.inventory.admin;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import dev.xboxshop.inventory.InventoryServiceApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A blank operator token would open the operator endpoints to anyone sending
 * {@code "Bearer "}: inventory refuses to start with one.
 */
class BlankOperatorTokenTests {

	@Test
	void refusesToStartWithABlankOperatorToken() {
		SpringApplication application = new SpringApplication(InventoryServiceApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		assertThatThrownBy(
				() -> application.run("--shop.operator.token= ", "--server.port=0", "--management.server.port=0",
						// nothing listens there: whatever it tried, it must not reach a
						// shop's Redis or broker
						"--spring.data.redis.port=1", "--spring.kafka.bootstrap-servers=127.0.0.1:1",
						"--spring.kafka.listener.auto-startup=false"))
			.rootCause()
			.hasMessageContaining("shop.operator.token must not be blank");
	}

}
