package dev.xboxshop.order;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * Every error leaves as {@code application/problem+json} with one of the contract's
 * problem types, and never with a stack trace.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> problem(ProblemException ex, HttpServletRequest request) {
		return ResponseEntity.status(ex.status())
			.headers(ex.headers())
			.body(ex.toProblemDetail(request.getRequestURI()));
	}

	/**
	 * Redis failed or timed out (a spike beyond what it answers in time, or an outage): a
	 * fault on our side the client may retry with the same {@code Idempotency-Key}, which
	 * never buys twice.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<Object> storeUnavailable(DataAccessException ex, HttpServletRequest request) {
		log.warn("Order store failed on {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMostSpecificCause().toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Our order store did not answer in time; please try again (the same request never buys twice).");
		problem.setType(ProblemCatalog.type("order-store-unavailable"));
		problem.setTitle("Order store unavailable");
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; please try again.");
		problem.setType(ProblemCatalog.type("internal-error"));
		problem.setTitle("Internal error");
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.internalServerError().body(problem);
	}

	/** Spring MVC's own errors (415, unreadable body, missing header, 404 ...). */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(status);
		problem.setType(ProblemCatalog.type(ProblemCatalog.slugFor(status)));
		problem.setInstance(URI.create(servletRequest.getRequestURI()));
		return super.handleExceptionInternal(ex, problem, headers, status, request);
	}

}
