package dev.xboxshop.testsupport.http;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a response is the contract's problem+json
 * ({@code type, title, status, detail}, and {@code traceId} when the request was traced)
 * of the given status and slug, with no stack trace in it.
 */
public final class ProblemAssert {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemAssert() {
	}

	public static JsonNode assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://xbox-shop.example/problems/" + slug);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		String body = response.body();
		if (problem.has("traceId")) {
			String traceId = problem.path("traceId").asString();
			assertThat(traceId).as("traceId").matches("[0-9a-f]{32}");
			body = body.replace("\"traceId\":\"" + traceId + "\"", "");
		}
		assertThat(body).doesNotContain("Exception", "\tat ", "trace");
		return problem;
	}

}
