package dev.xboxshop.websupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.xboxshop.websupport.problem.ProblemResponses;

/**
 * Refuses request bodies over the limit with 413 {@code payload-too-large} before
 * anything reads them. A declared Content-Length is checked up front; a body without one
 * (chunked) is read up to the limit and replayed, so leaving the length out does not get
 * past it. A refused body is read to its end first (up to {@link #DRAIN_LIMIT}) and
 * dropped: Tomcat closes the connection after a 413, and closing it with the body still
 * unread resets it, which can destroy the answer before the client (or the gateway
 * relaying it) reads it. The bad-input suite lost 413s that way.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** Bodies refused but still read to their end, so the close is clean. */
	static final long DRAIN_LIMIT = 1024 * 1024 + 4096;

	private final int limitBytes;

	private final JsonMapper json;

	public RequestBodyLimitFilter(int limitBytes, JsonMapper json) {
		this.limitBytes = limitBytes;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.limitBytes) {
			if (declared <= DRAIN_LIMIT) {
				request.getInputStream().skipNBytes(declared);
			}
			tooLarge(request.getRequestURI(), response);
			return;
		}
		if (declared == -1 && request.getHeader("Transfer-Encoding") != null) {
			byte[] body = request.getInputStream().readNBytes(this.limitBytes + 1);
			if (body.length > this.limitBytes) {
				request.getInputStream().readNBytes((int) DRAIN_LIMIT);
				tooLarge(request.getRequestURI(), response);
				return;
			}
			chain.doFilter(new ReplayedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void tooLarge(String instance, HttpServletResponse response) throws IOException {
		ProblemResponses.write(response, this.json, "payload-too-large",
				"The request body is over the limit of " + this.limitBytes + " bytes.", instance);
	}

	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("bodies are read blocking here");
				}
			};
		}

	}

}
