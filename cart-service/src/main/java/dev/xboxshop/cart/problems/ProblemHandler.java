package dev.xboxshop.cart.problems;

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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * Every error leaves as {@code application/problem+json} with a shop problem type; no
 * stack trace reaches a client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ShopProblem.class)
	ResponseEntity<ProblemDetail> shopProblem(ShopProblem problem) {
		if (problem.getStatus().is5xxServerError()) {
			log.warn("{}: {}", problem.getSlug(), problem.getMessage(), problem.getCause());
		}
		return ResponseEntity.status(problem.getStatus())
			.body(ProblemCatalog.problem(problem.getSlug(), problem.getMessage()));
	}

	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException ex) {
		log.warn("cart store failed", ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(ProblemCatalog.problem("cart-store-unavailable",
					"The cart store is unavailable; try again shortly."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("unexpected failure", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemCatalog.problem("internal-error", "Something went wrong."));
	}

	/**
	 * Spring MVC's own failures (unreadable body, wrong media type, ...) get shop types.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail
				: ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(ProblemCatalog.type(ProblemCatalog.slugFor(status)));
		return super.handleExceptionInternal(ex, problem, headers, status, request);
	}

}
