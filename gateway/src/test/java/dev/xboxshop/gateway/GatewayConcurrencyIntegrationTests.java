package dev.xboxshop.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.xboxshop.testsupport.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many concurrent reads of a healthy service are not a failure. Spring Cloud
 * CircuitBreaker used to wrap every call in an implicit Resilience4j bulkhead of 25
 * concurrent calls, inside the breaker: the 26th read in flight was refused
 * ({@code BulkheadFullException}), counted as a failure of the service, answered with the
 * fallback, and under load opened the circuit. 40 reads held 300 ms each by the service
 * must all be answered by the service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealRedis
@ExtendWith(OutputCaptureExtension.class)
class GatewayConcurrencyIntegrationTests {

	private static final int READERS = 40;

	static final StubService inventory = StubService.start("inventory");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("shop.gateway.inventory-url", inventory::url);
	}

	@AfterAll
	static void stopBackend() {
		inventory.close();
	}

	@Test
	void answersManyConcurrentReadsOfASlowButHealthyServiceWithoutFallingBack(CapturedOutput output) {
		inventory.delayEachAnswer(Duration.ofMillis(300));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<CompletableFuture<HttpResponse<String>>> replies = IntStream.range(0, READERS)
			.mapToObj((i) -> http.sendAsync(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/products/XBOX-SERIES-X"))
						// one client each, as behind a load balancer: the rate limiter is
						// not
						// what this test is about
						.header("X-Forwarded-For", "198.51.100." + i)
						.build(),
					BodyHandlers.ofString()))
			.toList();

		List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

		assertThat(statuses).as("statuses of %d concurrent reads", READERS).containsOnly(200);
		assertThat(inventory.received()).hasSize(READERS);
		assertThat(output).doesNotContain("fallback GET");
	}

}
