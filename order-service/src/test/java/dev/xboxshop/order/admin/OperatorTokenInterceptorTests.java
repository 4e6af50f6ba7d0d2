package dev.xboxshop.order.admin;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operator endpoints open only to the exact {@code Bearer <token>} header.
 */
class OperatorTokenInterceptorTests {

	private final OperatorTokenInterceptor interceptor = new OperatorTokenInterceptor(new OperatorProperties("s3cret"));

	@Test
	void letsTheExactBearerTokenThrough() {
		assertThat(this.interceptor.preHandle(withAuthorization("Bearer s3cret"), new MockHttpServletResponse(), null))
			.isTrue();
	}

	@Test
	void refusesAnythingButTheExactHeader() {
		for (String header : new String[] { "Bearer s3cret ", "Bearer  s3cret", "Bearer s3cre", "bearer s3cret",
				"s3cret", "Bearer " }) {
			assertThatThrownBy(
					() -> this.interceptor.preHandle(withAuthorization(header), new MockHttpServletResponse(), null))
				.as(header)
				.isInstanceOf(Unauthorized.class);
		}
		assertThatThrownBy(
				() -> this.interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), null))
			.isInstanceOf(Unauthorized.class);
	}

	@Test
	void refusesToStartWithABlankToken() {
		assertThatIllegalStateException().isThrownBy(() -> new OperatorTokenInterceptor(new OperatorProperties(" ")))
			.withMessageContaining("shop.operator.token");
		assertThatIllegalStateException().isThrownBy(() -> new OperatorTokenInterceptor(new OperatorProperties("")));
	}

	private static MockHttpServletRequest withAuthorization(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/admin/checkout-mode");
		request.addHeader("Authorization", header);
		return request;
	}

}
