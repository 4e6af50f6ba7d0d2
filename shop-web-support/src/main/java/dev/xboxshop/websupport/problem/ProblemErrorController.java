package dev.xboxshop.websupport.problem;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page so that whatever reaches the container's error path (errors
 * raised outside Spring MVC, and a problem Spring MVC could not write because the
 * {@code Accept} header was unreadable) still leaves as problem+json: the content type is
 * set here, so no content negotiation can refuse it.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : HttpStatus.NOT_FOUND.value();
		HttpStatus resolved = HttpStatus.resolve(status);
		String detail = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String instance = (uri != null) ? uri.toString() : request.getRequestURI();
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemCatalog.asMap(status, ProblemCatalog.slugFor(status), detail, instance));
	}

}
