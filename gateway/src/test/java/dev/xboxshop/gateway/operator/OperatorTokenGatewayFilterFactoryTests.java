package dev.xboxshop.gateway.operator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The edge applies the services' rules: a blank operator token fails the start.
 */
class OperatorTokenGatewayFilterFactoryTests {

	@Test
	void refusesToStartWithABlankToken() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new OperatorTokenGatewayFilterFactory(new OperatorProperties(" ")))
			.withMessageContaining("shop.operator.token");
		assertThatIllegalStateException()
			.isThrownBy(() -> new OperatorTokenGatewayFilterFactory(new OperatorProperties("")));
	}

}
