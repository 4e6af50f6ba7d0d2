package dev.xboxshop.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.xboxshop.testsupport.http.StubServer;

/**
 * Stands in for one of the shop's services (other teams' modules) on a free loopback
 * port: answers every request with JSON naming itself and echoing what it received, and
 * records each request. It can be told to fail the next requests with a status.
 */
public final class StubService implements AutoCloseable {

	private final String name;

	private final StubServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile int failureStatus = 503;

	private volatile long delayMillis;

	private StubService(String name) {
		this.name = name;
		// enough threads for a test to hold many slow requests in flight at once
		this.server = StubServer.start(Executors.newFixedThreadPool(64)).route("/", this::answer);
	}

	public static StubService start(String name) {
		return new StubService(name);
	}

	public String url() {
		return this.server.url();
	}

	/**
	 * Routes the gateway's traffic for these services (all four when none) to this stub.
	 */
	public void serve(DynamicPropertyRegistry registry, String... services) {
		String[] routed = (services.length > 0) ? services : new String[] { "web-tier", "cart", "inventory", "order" };
		for (String service : routed) {
			registry.add("shop.gateway." + service + "-url", this::url);
		}
	}

	public List<Received> received() {
		return this.received;
	}

	public void reset() {
		this.received.clear();
		this.failuresLeft.set(0);
		this.delayMillis = 0;
	}

	/** Every answer from now on takes this long (a slow but healthy service). */
	public void delayEachAnswer(Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	/** The next {@code count} requests are answered with {@code status}. */
	public void failNext(int count, int status) {
		this.failureStatus = status;
		this.failuresLeft.set(count);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				correlationId, exchange.getRequestHeaders().getFirst("X-Forwarded-For"),
				exchange.getRequestHeaders().getFirst("X-Forwarded-Host"),
				exchange.getRequestHeaders().getFirst("traceparent"), body,
				exchange.getRequestHeaders().getFirst("X-Shop-Customer"),
				exchange.getRequestHeaders().getFirst("X-Shop-Customer-Proof"),
				exchange.getRequestHeaders().getFirst("Cookie")));
		if (this.delayMillis > 0) {
			pause(this.delayMillis);
		}
		if (this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			send(exchange, this.failureStatus, "{\"status\":" + this.failureStatus + "}");
			return;
		}
		send(exchange, 200, "{\"service\":\"%s\",\"path\":\"%s\",\"correlationId\":\"%s\"}".formatted(this.name,
				exchange.getRequestURI().getRawPath(), correlationId));
	}

	private static void pause(long millis) {
		try {
			// stands for the service's own work; the test itself never sleeps
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		StubServer.send(exchange, status, "application/json", json);
	}

	@Override
	public void close() {
		this.server.close();
	}

	public record Received(String method, String path, String correlationId, String forwardedFor, String forwardedHost,
			String traceparent, String body, String customer, String customerProof, String cookie) {
	}

}
