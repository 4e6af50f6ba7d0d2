package dev.xboxshop.websupport.operator;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.xboxshop.websupport.problem.ProblemResponses;

/**
 * Lets a request through to an operator endpoint only with the operator's bearer token,
 * else answers 401 {@code unauthorized}. Runs before the body is read, so a caller
 * without the token learns nothing else.
 */
public class OperatorTokenInterceptor implements HandlerInterceptor {

	private final OperatorToken token;

	private final JsonMapper json;

	public OperatorTokenInterceptor(OperatorToken token, JsonMapper json) {
		this.token = token;
		this.json = json;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (this.token.admits(request.getHeader(HttpHeaders.AUTHORIZATION))) {
			return true;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		ProblemResponses.write(response, this.json, "unauthorized", OperatorToken.REFUSAL, request.getRequestURI());
		return false;
	}

}
