package dev.xboxshop.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Climbs the {@link Ladder} against a running shop: the same number of calls on every
 * rung, a few at a time, after a short warm-up. Every buyer is new (own customer,
 * {@code Idempotency-Key} and {@code X-Forwarded-For}), so neither the purchase limit nor
 * the gateway's per-client limits are what is measured. Loopback only, bounded by the
 * call count.
 */
final class LadderClimb {

	private static final int WARM_UP = 20;

	private final LaunchSettings launch;

	private final ReportSettings report;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final AtomicLong buyers = new AtomicLong();

	LadderClimb(LaunchSettings launch, ReportSettings report) {
		this.launch = launch;
		this.report = report;
	}

	/** Units of the X-Box the buying rungs take at most. */
	int unitsNeeded() {
		return 3 * (WARM_UP + this.report.ladderCalls());
	}

	Ladder climb() {
		String gateway = this.launch.baseUrl();
		String product = "/api/products/" + ShopApi.XBOX;
		List<Ladder.Rung> rungs = new ArrayList<>();
		rungs.add(rung("no-op through the gateway", "GET gateway /actuator/health/liveness",
				() -> get(gateway + "/actuator/health/liveness")));
		rungs.add(rung("product read, direct", "GET inventory " + product,
				() -> get(this.report.inventoryUrl() + product)));
		rungs.add(rung("product read, through the gateway", "GET gateway " + product, () -> get(gateway + product)));
		rungs.add(rung("sync buy", "POST gateway /api/orders, sync", () -> buy("sync")));
		rungs.add(rung("async accept", "POST gateway /api/orders, async", () -> buy("async")));
		rungs.add(rung("escrow buy", "POST gateway /api/orders, escrow", () -> buy("escrow")));
		return Ladder.of(this.report.ladderCalls(), this.report.ladderConcurrency(), rungs);
	}

	private Ladder.Rung rung(String name, String request, Supplier<HttpRequest> call) {
		int first = send(call.get());
		if (first == 501) {
			return Ladder.Rung.notAvailable(name, request, "not available: 501 not-implemented");
		}
		for (int i = 1; i < WARM_UP; i++) {
			send(call.get());
		}
		int calls = this.report.ladderCalls();
		long[] micros = new long[calls];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		ExecutorService callers = Executors.newFixedThreadPool(this.report.ladderConcurrency());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int t = 0; t < this.report.ladderConcurrency(); t++) {
				running.add(callers.submit(() -> {
					for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
						HttpRequest timedCall = call.get();
						long start = System.nanoTime();
						int status = send(timedCall);
						micros[i] = (System.nanoTime() - start) / 1000;
						if (status < 200 || status > 299) {
							failed.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> caller : running) {
				caller.get();
			}
		}
		catch (Exception ex) {
			return Ladder.Rung.notAvailable(name, request, "not measured: " + ex);
		}
		finally {
			callers.shutdownNow();
		}
		String note = (failed.get() > 0) ? failed.get() + " answers were not 2xx" : "";
		return Ladder.Rung.timed(name, request, micros, failed.get(), note);
	}

	private HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("X-Forwarded-For", address(this.buyers.incrementAndGet()))
			.GET()
			.build();
	}

	/** A new buyer's order; its identity is asked for here, before the timer starts. */
	private HttpRequest buy(String mode) {
		long n = this.buyers.incrementAndGet();
		String body = "{\"items\":[{\"sku\":\"" + ShopApi.XBOX + "\",\"quantity\":1}]}";
		return HttpRequest.newBuilder(URI.create(this.launch.baseUrl() + "/api/orders"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token(address(n)))
			.header("X-Forwarded-For", address(n))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("X-Checkout-Mode", mode)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,200})\"");

	/** 10.200.x.y and up: apart from the launch's parents (10.0.0.1 onwards). */
	private static String address(long n) {
		return "10." + (200 + ((n >> 16) & 31)) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	/** A customer token for a buyer at this address, or "none" (the order then fails). */
	private String token(String address) {
		HttpRequest identity = HttpRequest.newBuilder(URI.create(this.launch.baseUrl() + "/api/identity"))
			.timeout(Duration.ofSeconds(20))
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			Matcher token = TOKEN.matcher(this.client.send(identity, HttpResponse.BodyHandlers.ofString()).body());
			return token.find() ? token.group(1) : "none";
		}
		catch (IOException ex) {
			return "none";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "none";
		}
	}

	/** The status, 0 when no answer came. */
	private int send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

}
