package dev.xboxshop.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Launch day: parents open the X-Box page and buy, in sync and in async checkout side by
 * side, through the gateway. Before the run the X-Box is restocked to a known count;
 * after it the invariant auditor's verdict is printed. Bounded in time and count,
 * loopback by default.
 * <p>
 * System properties: {@code baseUrl} (http://localhost:8080), {@code modes} (sync,async),
 * {@code usersPerSec} per mode (20), {@code seconds} (30), {@code stock} (300),
 * {@code inventoryExtraLatencyMs} (0: chaos latency on inventory during the run, to load
 * the inner tier), {@code operatorToken} (xbox-launch-operator).
 */
public class LaunchDaySimulation extends Simulation {

	private static final String XBOX = "XBOX-SERIES-X";

	private final String baseUrl = System.getProperty("baseUrl", "http://localhost:8080");

	private final String[] modes = System.getProperty("modes", "sync,async").split(",");

	private final double usersPerSec = Double.parseDouble(System.getProperty("usersPerSec", "20"));

	private final int seconds = Integer.parseInt(System.getProperty("seconds", "30"));

	private final int stock = Integer.parseInt(System.getProperty("stock", "300"));

	private final int inventoryExtraLatencyMs = Integer.parseInt(System.getProperty("inventoryExtraLatencyMs", "0"));

	private final String operatorToken = System.getProperty("operatorToken",
			System.getenv().getOrDefault("SHOP_OPERATOR_TOKEN", "xbox-launch-operator"));

	private final HttpProtocolBuilder protocol = http.baseUrl(this.baseUrl)
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.shareConnections();

	{
		PopulationBuilder[] populations = new PopulationBuilder[this.modes.length];
		for (int i = 0; i < this.modes.length; i++) {
			populations[i] = parents(this.modes[i].trim()).injectOpen(rampUsersPerSec(1).to(this.usersPerSec).during(5),
					constantUsersPerSec(this.usersPerSec).during(this.seconds));
		}
		setUp(populations).protocols(this.protocol).maxDuration(Duration.ofSeconds(this.seconds + 60L));
	}

	private ScenarioBuilder parents(String mode) {
		return scenario("parents buying in " + mode + " mode").exec((session) -> {
			String parent = UUID.randomUUID().toString();
			// many parents behind many addresses, so the gateway's per-client limits see
			// a crowd
			String address = "10.0." + Math.floorMod(parent.hashCode(), 250) + "."
					+ Math.floorMod(parent.hashCode() >> 8, 250);
			return session.set("customerId", parent)
				.set("clientAddress", address)
				.set("idempotencyKey", UUID.randomUUID().toString());
		}).exec(browse(), buy(mode));
	}

	private ChainBuilder browse() {
		return exec(http("product page data").get("/api/products/" + XBOX)
			.header("X-Forwarded-For", "#{clientAddress}")
			.check(status().in(200, 429, 503)));
	}

	private ChainBuilder buy(String mode) {
		String body = "{\"customerId\":\"#{customerId}\",\"items\":[{\"sku\":\"" + XBOX + "\",\"quantity\":1}]}";
		return exec(http("checkout " + mode).post("/api/orders")
			.header("X-Forwarded-For", "#{clientAddress}")
			.header("Idempotency-Key", "#{idempotencyKey}")
			.header("X-Checkout-Mode", mode)
			.body(StringBody(body))
			.check(status().in(201, 202, 409, 429, 503).saveAs("status"),
					jsonPath("$.status").optional().saveAs("orderStatus")));
	}

	@Override
	public void before() {
		String answer = call("PUT", "/api/admin/inventory/" + XBOX + "/stock", "{\"available\":" + this.stock + "}");
		System.out.println("Restocked " + XBOX + " to " + this.stock + ": " + answer);
		System.out.println(
				"Inventory chaos for the run: " + call("PUT", "/api/admin/chaos", chaos(this.inventoryExtraLatencyMs)));
	}

	private static String chaos(int extraLatencyMs) {
		return "{\"extraLatencyMs\":" + extraLatencyMs + ",\"errorRate\":0.0,\"down\":false}";
	}

	@Override
	public void after() {
		call("PUT", "/api/admin/chaos", chaos(0));
		// async orders settle after the load; the invariants are judged once they have
		String audit = call("GET", "/api/audit", null);
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (audit.contains("\"ACCEPTED\"") && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
			audit = call("GET", "/api/audit", null);
		}
		System.out.println("Invariant auditor after the run: " + audit);
	}

	private String call(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.operatorToken)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() + " " + response.body();
		}
		catch (IOException ex) {
			return "unreachable: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
