package dev.xboxshop.order;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAdviceTests {

	@Test
	void answersAStoreTimeoutAs503WithRetryAfterNotAsAnInternalError() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");

		ResponseEntity<Object> answer = new ProblemAdvice()
			.storeUnavailable(new QueryTimeoutException("Redis command timed out"), request);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getType().toString()).endsWith("/order-store-unavailable");
		assertThat(problem.getDetail()).doesNotContain("Redis");
	}

	@Test
	void givesAFrameworkErrorTheCataloguesSlugForItsStatus() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders/o-1/events");

		ResponseEntity<Object> answer = new ProblemAdvice().handleException(new AsyncRequestTimeoutException(),
				new ServletWebRequest(request));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getType()).hasToString("https://xbox-shop.example/problems/service-unavailable");
		assertThat(problem.getInstance()).hasToString("/api/orders/o-1/events");
	}

}
