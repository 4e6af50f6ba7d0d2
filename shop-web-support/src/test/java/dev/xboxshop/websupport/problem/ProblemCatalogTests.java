package dev.xboxshop.websupport.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The catalogue is the contract's problem table, and every service's fallback for
 * framework statuses.
 */
class ProblemCatalogTests {

	private static final Pattern ROW = Pattern.compile("^\\| (`[a-z-]+`(?:, `[a-z-]+`)*) \\| ([0-9, ]+) \\|",
			Pattern.MULTILINE);

	@AfterEach
	void leaveNoTrace() {
		MDC.remove("traceId");
	}

	@Test
	void carriesTheTraceIdOfTheRequestItAnswers() {
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(ProblemCatalog.problem("sold-out", "Only 2 left").getProperties()).containsEntry("traceId",
				"4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(ProblemCatalog.forStatus(HttpStatus.METHOD_NOT_ALLOWED, "No").getProperties())
			.containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(ProblemCatalog.asMap("busy", "Later", "/api/orders")).containsEntry("traceId",
				"4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void carriesNoTraceIdOutsideATrace() {
		assertThat(ProblemCatalog.problem("sold-out", "Only 2 left").getProperties()).isNullOrEmpty();
		assertThat(ProblemCatalog.asMap("busy", "Later", "/api/orders")).doesNotContainKey("traceId");
	}

	@Test
	void holdsEverySlugOfTheContractWithItsStatus() throws IOException {
		Map<String, Integer> documented = documentedSlugs();
		assertThat(documented).hasSizeGreaterThan(15);
		documented
			.forEach((slug, status) -> assertThat(ProblemCatalog.status(slug).value()).as(slug).isEqualTo(status));
	}

	@Test
	void documentsEverySlugItHolds() throws IOException {
		assertThat(documentedSlugs()).containsOnlyKeys(ProblemCatalog.slugs().keySet());
	}

	@Test
	void namesFrameworkStatusesByTheContractsSlugs() {
		Map<Integer, String> expected = Map.ofEntries(Map.entry(400, "malformed-request"),
				Map.entry(401, "unauthorized"), Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"),
				Map.entry(406, "not-acceptable"), Map.entry(413, "payload-too-large"),
				Map.entry(415, "unsupported-media-type"), Map.entry(429, "rate-limited"),
				Map.entry(503, "service-unavailable"), Map.entry(504, "gateway-timeout"), Map.entry(409, "bad-request"),
				Map.entry(500, "internal-error"), Map.entry(502, "internal-error"));
		expected.forEach((status, slug) -> assertThat(ProblemCatalog.slugFor(status)).as("%d", status).isEqualTo(slug));
		for (int status = 400; status < 600; status++) {
			assertThat(ProblemCatalog.slugs()).as("slug for %d", status).containsKey(ProblemCatalog.slugFor(status));
		}
	}

	@Test
	void buildsProblemDetailsWithTypeStatusAndTitle() {
		ProblemDetail problem = ProblemCatalog.problem("sold-out", "Only 2 left");
		assertThat(problem.getType()).hasToString("https://xbox-shop.example/problems/sold-out");
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getTitle()).isEqualTo("Conflict");
		assertThat(problem.getDetail()).isEqualTo("Only 2 left");
	}

	@Test
	void buildsThePlainMapForm() {
		assertThat(ProblemCatalog.asMap("payload-too-large", "too big", "/api/x")).containsExactly(
				Map.entry("type", "https://xbox-shop.example/problems/payload-too-large"),
				Map.entry("title", "Content Too Large"), Map.entry("status", 413), Map.entry("detail", "too big"),
				Map.entry("instance", "/api/x"));
		assertThat(ProblemCatalog.asMap(HttpStatus.BAD_GATEWAY.value(), "internal-error", "d", null))
			.containsEntry("status", 502)
			.containsEntry("title", "Bad Gateway")
			.doesNotContainKey("instance");
	}

	@Test
	void refusesASlugTheContractDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProblemCatalog.type("http-500"));
	}

	@Test
	void refusesAStatusTheContractDoesNotGiveTheSlug() {
		assertThat(ProblemCatalog.checked(HttpStatus.CONFLICT, "sold-out")).isEqualTo("sold-out");
		assertThatIllegalArgumentException().isThrownBy(() -> ProblemCatalog.checked(HttpStatus.GONE, "sold-out"))
			.withMessageContaining("409");
	}

	private static Map<String, Integer> documentedSlugs() throws IOException {
		String contracts = Files.readString(Path.of("..", "docs", "contracts.md"));
		String table = contracts.substring(contracts.indexOf("## Problem details"),
				contracts.indexOf("## inventory-service"));
		Map<String, Integer> slugs = new LinkedHashMap<>();
		Matcher row = ROW.matcher(table);
		while (row.find()) {
			String[] names = row.group(1).replace("`", "").split(", ");
			String[] statuses = row.group(2).trim().split(", ");
			for (int i = 0; i < names.length; i++) {
				slugs.put(names[i], Integer.valueOf(statuses[Math.min(i, statuses.length - 1)]));
			}
		}
		return slugs;
	}

}
