package dev.xboxshop.inventory.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * Every error leaves as {@code application/problem+json} with a contract type; no stack
 * traces and no Boot default error bodies.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemAdvice.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
		ProblemDetail problem = ProblemCatalog.problem(ex.slug(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(ex.status()).headers(ex.headers()).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(ProblemCatalog.problem("malformed-request", "Parameter '" + ex.getName() + "' has the wrong type"));
	}

	// A store failure is not a refusal: a script may have run before the connection
	// broke,
	// so callers must not read it as "nothing reserved" (warehouse-busy and
	// warehouse-unavailable promise that; this type does not).
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> handleStoreFailure(DataAccessException ex) {
		log.warn("Stock store unavailable: " + ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(ProblemCatalog.problem("stock-store-unavailable",
					"The stock store cannot be reached; the outcome is unknown, try again shortly"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemCatalog.problem("internal-error", "Something went wrong on our side"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemCatalog.forStatus(status,
				"The request body is not readable JSON of the expected shape");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse response) {
			body = response.getBody();
		}
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(ProblemCatalog.type(ProblemCatalog.slugFor(statusCode)));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

}
