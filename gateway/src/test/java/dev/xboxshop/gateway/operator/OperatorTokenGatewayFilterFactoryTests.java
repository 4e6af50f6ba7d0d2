package dev.xboxshop.gateway.operator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The edge applies the services' rules: a blank operator token fails the start.
 */
class OperatorTokenGatewayFilterFactoryTests {

	// the factory and the scrape filter get their check from this configuration

	@Test
	void refusesToStartWithABlankToken() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new OperatorTokenConfiguration().operatorToken(new OperatorProperties(" ")))
			.withMessageContaining("shop.operator.token");
		assertThatIllegalStateException()
			.isThrownBy(() -> new OperatorTokenConfiguration().operatorToken(new OperatorProperties("")));
	}

}
