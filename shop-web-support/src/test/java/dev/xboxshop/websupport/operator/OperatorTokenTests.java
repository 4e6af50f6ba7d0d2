package dev.xboxshop.websupport.operator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The operator endpoints open only to the exact {@code Bearer <token>} header.
 */
class OperatorTokenTests {

	private final OperatorToken token = new OperatorToken("s3cret");

	@Test
	void admitsTheExactBearerToken() {
		assertThat(this.token.admits("Bearer s3cret")).isTrue();
	}

	@Test
	void refusesAnythingButTheExactHeader() {
		for (String header : new String[] { "Bearer s3cret ", "Bearer  s3cret", "Bearer s3cre", "bearer s3cret",
				"s3cret", "Bearer ", "", null }) {
			assertThat(this.token.admits(header)).as(header).isFalse();
		}
	}

	@Test
	void refusesABlankToken() {
		assertThatIllegalStateException().isThrownBy(() -> new OperatorToken(" "))
			.withMessageContaining("shop.operator.token");
		assertThatIllegalStateException().isThrownBy(() -> new OperatorToken(""));
		assertThatIllegalStateException().isThrownBy(() -> new OperatorToken(null));
	}

}
