package dev.xboxshop.websupport.problem;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Writes a catalogue problem straight to a servlet response, for code that runs outside
 * Spring MVC's exception handling (filters, interceptors, the error page).
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, JsonMapper json, String slug, String detail, String instance)
			throws IOException {
		write(response, json, ProblemCatalog.asMap(slug, detail, instance));
	}

	public static void write(HttpServletResponse response, JsonMapper json, Map<String, Object> problem)
			throws IOException {
		response.setStatus((Integer) problem.get("status"));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
