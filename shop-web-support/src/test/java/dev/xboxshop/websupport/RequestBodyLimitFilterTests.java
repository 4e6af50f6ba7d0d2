package dev.xboxshop.websupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.xboxshop.websupport.problem.ProblemCatalog;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitFilterTests {

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(16, JsonMapper.builder().build());

	@Test
	void refusesADeclaredBodyOverTheLimitBeforeAnyoneReadsIt() throws Exception {
		MockHttpServletResponse response = filter(request("x".repeat(17), false));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains(ProblemCatalog.TYPE_BASE + "payload-too-large")
			.contains("\"instance\":\"/api/x\"");
	}

	@Test
	void readsARefusedBodyToItsEndSoTheConnectionClosesCleanly() throws Exception {
		MockHttpServletRequest request = request("x".repeat(500), false);

		assertThat(filter(request).getStatus()).isEqualTo(413);
		assertThat(request.getInputStream().read()).as("nothing left unread").isEqualTo(-1);
	}

	@Test
	void refusesAChunkedBodyThatGrowsOverTheLimit() throws Exception {
		MockHttpServletResponse response = filter(request("x".repeat(17), true));

		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void passesABodyWithinTheLimitOnUnchangedEvenWhenChunked() throws Exception {
		AtomicReference<String> seen = new AtomicReference<>();
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
					throws IOException {
				seen.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			}
		});
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request("{\"a\":1}", true), response, chain);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(seen.get()).isEqualTo("{\"a\":1}");
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request) throws IOException, ServletException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		if (response.getStatus() == 413) {
			assertThat(chain.getRequest()).as("nothing downstream ran").isNull();
		}
		return response;
	}

	private static MockHttpServletRequest request(String body, boolean chunked) {
		MockHttpServletRequest request = chunked ? new ChunkedRequest() : new MockHttpServletRequest();
		request.setMethod("PUT");
		request.setRequestURI("/api/x");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		if (chunked) {
			request.addHeader("Transfer-Encoding", "chunked");
		}
		return request;
	}

	/** A body sent without a length, as a chunked request arrives. */
	private static final class ChunkedRequest extends MockHttpServletRequest {

		@Override
		public int getContentLength() {
			return -1;
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

	}

}
