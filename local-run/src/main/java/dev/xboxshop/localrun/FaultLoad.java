package dev.xboxshop.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steady buyers for one row of the fault suite: a new buyer every {@code 1/rate} seconds
 * through the gateway, each with its own customer, {@code Idempotency-Key} and
 * {@code X-Forwarded-For}, one unit of the launch item; every answer is recorded. It
 * sends only to loopback and stops when told (or after its bound of buyers).
 */
final class FaultLoad implements AutoCloseable {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern PROBLEM = Pattern.compile("/problems/([a-z-]+)");

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

	private static final int MAX_BUYERS = 20_000;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String gateway;

	private final String sku;

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "fault-load");
		thread.setDaemon(true);
		return thread;
	});

	private final Queue<CompletableFuture<Attempt>> pending = new ConcurrentLinkedQueue<>();

	private final AtomicInteger buyers = new AtomicInteger();

	private final int salt = (int) (Math.random() * 200);

	FaultLoad(String gateway, String sku) {
		this.gateway = gateway;
		this.sku = sku;
	}

	void start(int perSecond) {
		this.ticks.scheduleAtFixedRate(this::buy, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
	}

	/** Many buyers at once (a consumer or relay killed mid-batch). */
	void burst(int count) {
		for (int i = 0; i < count; i++) {
			buy();
		}
	}

	private void buy() {
		int n = this.buyers.incrementAndGet();
		if (n > MAX_BUYERS) {
			return;
		}
		String key = UUID.randomUUID().toString();
		// a trace of its own, known in advance: a failed case names it (./shop trace)
		String traceId = UUID.randomUUID().toString().replace("-", "");
		// a client address of its own, so the per-client rate limits see many clients
		String address = "10." + this.salt + "." + ((n >> 8) & 255) + "." + (n & 255);
		long sent = System.nanoTime();
		// first an identity, as any API client gets one (POST /api/identity), then the
		// order
		HttpRequest identity = HttpRequest.newBuilder(URI.create(this.gateway + "/api/identity"))
			.timeout(ANSWER_WAIT)
			.header("X-Forwarded-For", address)
			.header("traceparent", traceparent(traceId))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		this.pending.add(this.http.sendAsync(identity, HttpResponse.BodyHandlers.ofString()).thenCompose((issued) -> {
			String token = find(TOKEN, issued.body());
			if (issued.statusCode() != 201 || token == null) {
				return CompletableFuture.completedFuture(new Attempt(key, issued.statusCode(), null,
						"identity " + find(PROBLEM, issued.body()), traceId, sent, System.nanoTime()));
			}
			return this.http.sendAsync(order(key, address, token, traceId), HttpResponse.BodyHandlers.ofString())
				.thenApply((response) -> new Attempt(key, response.statusCode(), find(ORDER_ID, response.body()),
						find(PROBLEM, response.body()), traceId, sent, System.nanoTime()));
		}).exceptionally((failure) -> new Attempt(key, 0, null, cause(failure), traceId, sent, System.nanoTime())));
	}

	private static String traceparent(String traceId) {
		return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
	}

	private HttpRequest order(String key, String address, String token, String traceId) {
		return HttpRequest.newBuilder(URI.create(this.gateway + "/api/orders"))
			.timeout(ANSWER_WAIT)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.header("X-Forwarded-For", address)
			.header("Authorization", "Bearer " + token)
			.header("traceparent", traceparent(traceId))
			.POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"sku\":\"" + this.sku + "\",\"quantity\":1}]}"))
			.build();
	}

	/** Why there was no answer: the innermost exception's class (a timeout, a reset). */
	private static String cause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

	private static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher((body != null) ? body : "");
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * Stop sending and wait for the answers still due.
	 * @return every attempt, in the order sent
	 */
	List<Attempt> stop() {
		this.ticks.shutdownNow();
		List<Attempt> attempts = new ArrayList<>();
		for (CompletableFuture<Attempt> attempt : this.pending) {
			try {
				attempts.add(attempt.get(ANSWER_WAIT.toSeconds() + 5, TimeUnit.SECONDS));
			}
			catch (Exception ex) {
				attempts.add(new Attempt(null, 0, null, "no answer", null, 0, 0));
			}
		}
		return attempts;
	}

	@Override
	public void close() {
		this.ticks.shutdownNow();
	}

	/**
	 * One buyer's request.
	 *
	 * @param key its idempotency key
	 * @param status the HTTP status, 0 for no answer
	 * @param orderId the order id answered, if any
	 * @param problem the problem's slug, or why there was no answer
	 * @param traceId the trace the buyer's requests started
	 * @param sentNanos when it was sent
	 * @param answeredNanos when the answer came
	 */
	record Attempt(String key, int status, String orderId, String problem, String traceId, long sentNanos,
			long answeredNanos) {

		/** The shop took the order: 201 (confirmed) or 202 (accepted, to be booked). */
		boolean acknowledged() {
			return (this.status == 201 || this.status == 202) && this.orderId != null;
		}

		/**
		 * The answer in a few words: {@code 202}, {@code 503 busy},
		 * {@code 0 HttpTimeoutException}.
		 */
		String answer() {
			return (this.problem == null) ? String.valueOf(this.status) : this.status + " " + this.problem;
		}

	}

}
