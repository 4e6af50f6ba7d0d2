package dev.xboxshop.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway: a JDK HTTP server on a free loopback port that answers the
 * contract's JSON, each route with a controllable delay, and records what the web-tier
 * sent. One per JVM, reset before every test.
 */
public final class StandInGateway {

	public static final String TOKEN = "xbox-launch-operator";

	public static final String SKU = "XBOX-SERIES-X";

	/** The customer {@code POST /api/identity} issues. */
	public static final String NEW_CUSTOMER = "2c1d7e4a-6b3f-4e8a-9d2c-7f1e3a5b6c8d";

	/** A token as the gateway shapes it (the stand-in checks no signature). */
	public static String token(String customerId) {
		return customerId + ".1764590400." + "A".repeat(43);
	}

	private static StandInGateway shared;

	private final HttpServer server;

	private final Map<String, Deque<Answer>> routes = new ConcurrentHashMap<>();

	private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

	// delayed answers wait on this; reset() opens it so no late answer outlives its test
	private volatile CountDownLatch released = new CountDownLatch(1);

	// delayed answers waiting right now, counted afresh for each test
	private volatile AtomicInteger held = new AtomicInteger();

	private StandInGateway() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "stand-in-gateway");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", this::handle);
		this.server.start();
		reset();
	}

	public static synchronized StandInGateway shared() {
		if (shared == null) {
			try {
				shared = new StandInGateway();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start the stand-in gateway", ex);
			}
		}
		return shared;
	}

	/** How many delayed answers are still waiting, unsent. */
	public int held() {
		return this.held.get();
	}

	public String url() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	/** Forgets recorded requests and answers the contract's happy path again. */
	public void reset() {
		this.released.countDown();
		this.released = new CountDownLatch(1);
		this.held = new AtomicInteger();
		this.recorded.clear();
		this.routes.clear();
		answer("GET", "/api/products/" + SKU, 200, product(42));
		answer("GET", "/api/carts/*", 200, emptyCart("any"));
		answer("GET", "/api/orders", 200, "[]");
		answer("POST", "/api/identity", 201,
				"{\"customerId\":\"" + NEW_CUSTOMER + "\",\"token\":\"" + token(NEW_CUSTOMER) + "\"}");
		answer("GET", "/api/admin/checkout-mode", 200, "{\"mode\":\"sync\"}");
		answer("PUT", "/api/admin/checkout-mode", 200, "{\"mode\":\"async\"}");
		answer("GET", "/api/admin/chaos", 200, "{\"extraLatencyMs\":0,\"errorRate\":0.0,\"down\":false}");
		answer("PUT", "/api/admin/chaos", 200, "{\"extraLatencyMs\":0,\"errorRate\":0.0,\"down\":false}");
		answer("GET", "/api/backlog", 200, "{\"inFlight\":0,\"bookedPerSecond\":0.0,\"oldestWaitMs\":0,"
				+ "\"projectedWaitMs\":0,\"shedAfterMs\":30000,\"deadlineMs\":60000,\"shedding\":false}");
		answer("GET", "/api/audit", 200,
				"{\"verdict\":\"OK\",\"ordersByStatus\":{\"CONFIRMED\":3,\"CANCELLED\":1}," + "\"oversold\":0}");
	}

	/** Answers a route (a path, or a prefix ending in {@code *}) from now on. */
	public void answer(String method, String path, int status, String json) {
		answer(method, path, new Answer(status, json, Duration.ZERO));
	}

	/** Answers a route with these answers in turn; the last one repeats. */
	public void answer(String method, String path, Answer... answers) {
		this.routes.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
	}

	/** Makes the current answer of a route come late. */
	public void delay(String method, String path, Duration delay) {
		Deque<Answer> answers = this.routes.get(method + " " + path);
		Deque<Answer> delayed = answers.stream()
			.map((answer) -> new Answer(answer.status(), answer.json(), delay))
			.collect(Collectors.toCollection(ArrayDeque::new));
		this.routes.put(method + " " + path, delayed);
	}

	public List<Recorded> requests(String method, String path) {
		return this.recorded.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
	}

	public List<Recorded> requests() {
		return List.copyOf(this.recorded);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = exchange.getRequestHeaders()
				.entrySet()
				.stream()
				.collect(Collectors.toMap((entry) -> entry.getKey().toLowerCase(Locale.ROOT),
						(entry) -> String.join(",", entry.getValue()), (a, b) -> a));
			this.recorded.add(new Recorded(method, path, exchange.getRequestURI().getQuery(), headers, body));
			Answer answer = answerFor(method, path);
			if (!answer.delay().isZero()) {
				AtomicInteger waiting = this.held;
				waiting.incrementAndGet();
				try {
					this.released.await(answer.delay().toMillis(), TimeUnit.MILLISECONDS);
				}
				finally {
					waiting.decrementAndGet();
				}
			}
			byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
			String type = (answer.status() >= 400) ? "application/problem+json" : "application/json";
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(answer.status(), (bytes.length > 0) ? bytes.length : -1);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	private Answer answerFor(String method, String path) {
		Deque<Answer> answers = this.routes.get(method + " " + path);
		if (answers == null) {
			answers = this.routes.entrySet()
				.stream()
				.filter((route) -> route.getKey().endsWith("*")
						&& (method + " " + path).startsWith(route.getKey().substring(0, route.getKey().length() - 1)))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}
		if (answers == null) {
			return new Answer(404, problem("not-found", 404, "no stand-in route for " + method + " " + path),
					Duration.ZERO);
		}
		synchronized (answers) {
			return (answers.size() > 1) ? answers.poll() : answers.peek();
		}
	}

	public static String product(int available) {
		return """
				{"sku":"XBOX-SERIES-X","name":"X-Box Series X","description":"The fastest, most powerful X-Box ever.",
				 "priceCents":49999,"imageUrl":"/images/xbox-series-x.svg","available":%d,"maxPerOrder":2,
				 "availableAsOf":"2026-11-24T20:00:00Z"}""".formatted(available);
	}

	public static String emptyCart(String cartId) {
		return "{\"cartId\":\"%s\",\"items\":[],\"totalCents\":0,\"expiresAt\":\"2026-12-01T00:00:00Z\"}"
			.formatted(cartId);
	}

	public static String cartWithXbox(String cartId, int quantity) {
		return """
				{"cartId":"%s","items":[{"sku":"XBOX-SERIES-X","name":"X-Box Series X","unitPriceCents":49999,
				 "quantity":%d,"lineTotalCents":%d}],"totalCents":%d,"expiresAt":"2026-12-01T00:00:00Z"}"""
			.formatted(cartId, quantity, 49999 * quantity, 49999 * quantity);
	}

	public static String order(String orderId, String status, String mode, String reason) {
		String reasonJson = (reason != null) ? "\"" + reason + "\"" : "null";
		return """
				{"orderId":"%s","customerId":"c","items":[{"sku":"XBOX-SERIES-X","quantity":1}],"status":"%s",
				 "mode":"%s","reason":%s,"createdAt":"2026-11-24T20:00:00Z","updatedAt":"2026-11-24T20:00:01Z"}"""
			.formatted(orderId, status, mode, reasonJson);
	}

	public static String problem(String slug, int status, String detail) {
		return "{\"type\":\"https://xbox-shop.example/problems/%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
			.formatted(slug, slug, status, detail);
	}

	public record Answer(int status, String json, Duration delay) {

		public static Answer of(int status, String json) {
			return new Answer(status, json, Duration.ZERO);
		}

	}

	public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
