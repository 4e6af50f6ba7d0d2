package dev.xboxshop.gateway.problems;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * Whatever fails at the edge (no route, rate limit, missing operator token, a backend
 * that cannot be reached or does not answer in time) leaves as
 * {@code application/problem+json}, never as a stack trace or Boot's own error JSON.
 * Ordered ahead of Boot's handler.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final JsonMapper jsonMapper;

	ProblemErrorHandler(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		Failure failure = classify(ex);
		if (failure.status().is5xxServerError()) {
			log.warn("{} {} failed at the edge: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					ex.toString());
		}
		HttpHeaders headers = response.getHeaders();
		if (failure.status().value() == 401) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		if (failure.status().value() == 429) {
			headers.set(HttpHeaders.RETRY_AFTER, "1");
		}
		return Problems.write(exchange, failure.status(), failure.slug(), failure.detail(), this.jsonMapper);
	}

	private static Failure classify(Throwable ex) {
		if (ex instanceof EdgeProblem problem) {
			return new Failure(problem.getStatusCode(), problem.slug(), problem.getReason());
		}
		if (ex instanceof ResponseStatusException status) {
			return new Failure(status.getStatusCode(), detailFor(status.getStatusCode(), status.getReason()));
		}
		if (ex instanceof HttpStatusCodeException status) {
			return new Failure(status.getStatusCode(), detailFor(status.getStatusCode(), null));
		}
		if (ex instanceof CallNotPermittedException) {
			return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "The service is failing; its circuit is open.");
		}
		if (causedBy(ex, TimeoutException.class) || causedBy(ex, io.netty.handler.timeout.TimeoutException.class)) {
			return new Failure(HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time.");
		}
		if (causedBy(ex, ConnectException.class)) {
			return new Failure(HttpStatus.SERVICE_UNAVAILABLE, "The service cannot be reached.");
		}
		return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong at the gateway.");
	}

	private static String detailFor(HttpStatusCode status, String reason) {
		return switch (status.value()) {
			case 404 -> "There is nothing at this address.";
			case 429 -> "Too many requests from this client; slow down and try again shortly.";
			default -> (reason != null) ? reason : "The request cannot be served.";
		};
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private record Failure(HttpStatusCode status, String slug, String detail) {

		Failure(HttpStatusCode status, String detail) {
			this(status, ProblemCatalog.slugFor(status), detail);
		}

	}

}
