package dev.xboxshop.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.xboxshop.websupport.problem.ProblemCatalog;

/**
 * Boot's error page for browsers ({@code templates/error.html}), and the contract's
 * problem+json for every other client instead of Boot's error JSON: the bad-input suite
 * found {@code GET /nope} with {@code Accept: application/json} answered
 * {@code {timestamp, status, error, path}}. The error properties are Boot's defaults, as
 * {@code server.error} sets them here (no message, no stack trace).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController extends BasicErrorController {

	ErrorPageController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, new ErrorProperties(), errorViewResolvers.orderedStream().toList());
	}

	@Override
	@RequestMapping
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemCatalog.asMap(status.value(), ProblemCatalog.slugFor(status.value()), status.getReasonPhrase(),
					(uri != null) ? uri.toString() : null));
	}

}
