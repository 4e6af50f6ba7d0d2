package dev.xboxshop.websupport.operator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request without the token gets the contract's 401 {@code unauthorized} problem and
 * never reaches the handler.
 */
class OperatorTokenInterceptorTests {

	private final OperatorTokenInterceptor interceptor = new OperatorTokenInterceptor(new OperatorToken("s3cret"),
			JsonMapper.builder().build());

	@Test
	void letsTheExactBearerTokenThrough() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.interceptor.preHandle(withAuthorization("Bearer s3cret"), response, null)).isTrue();
		assertThat(response.getContentAsString()).isEmpty();
	}

	@Test
	void answersAWrongTokenWithTheUnauthorizedProblem() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.interceptor.preHandle(withAuthorization("Bearer guess"), response, null)).isFalse();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.getContentAsString())
			.contains("\"type\":\"https://xbox-shop.example/problems/unauthorized\"")
			.contains("\"status\":401")
			.contains("\"instance\":\"/api/admin/chaos\"");
	}

	@Test
	void answersAMissingHeaderWithTheUnauthorizedProblem() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.interceptor.preHandle(new MockHttpServletRequest("PUT", "/api/admin/chaos"), response, null))
			.isFalse();
		assertThat(response.getStatus()).isEqualTo(401);
	}

	private static MockHttpServletRequest withAuthorization(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/admin/chaos");
		request.addHeader("Authorization", header);
		return request;
	}

}
