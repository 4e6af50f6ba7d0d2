package dev.xboxshop.web.lab;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import dev.xboxshop.web.WebTierProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * A small launch rush the presenter starts from the lab: at most
 * {@code shop.web.lab.rush-checkouts} new buyers of the launch item, sent at a steady
 * rate over {@code rush-duration} to the shop's own gateway, in one mode. One rush at a
 * time; it stops by itself (nothing is sent after twice its duration, no answer is
 * awaited longer than its request timeout).
 */
@Component
class LaunchRush {

	private static final Log logger = LogFactory.getLog(LaunchRush.class);

	private final RushClient client;

	private final CheckoutLatencies latencies;

	private final LabProperties properties;

	private final String sku;

	private final AtomicReference<Progress> current = new AtomicReference<>();

	private final AtomicInteger runs = new AtomicInteger();

	// one client address per buyer, across rushes: 10.x.y.z
	private final AtomicLong buyers = new AtomicLong();

	LaunchRush(RushClient client, CheckoutLatencies latencies, LabProperties properties, WebTierProperties web) {
		this.client = client;
		this.latencies = latencies;
		this.properties = properties;
		this.sku = web.launchSku();
	}

	/**
	 * Starts a rush in this mode unless one is running.
	 * @return whether it started
	 */
	synchronized boolean start(String mode) {
		Progress running = this.current.get();
		if (running != null && running.finishedAt == null) {
			return false;
		}
		Progress progress = new Progress(this.runs.incrementAndGet(), mode, this.properties.rushCheckouts());
		this.current.set(progress);
		this.latencies.startOver(mode);
		Thread thread = new Thread(() -> run(progress), "launch-rush-" + progress.run);
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	boolean isRunning() {
		Progress progress = this.current.get();
		return progress != null && progress.finishedAt == null;
	}

	/** The running or last rush, or null before the first. */
	RushState state() {
		Progress progress = this.current.get();
		return (progress != null) ? progress.state() : null;
	}

	private void run(Progress progress) {
		long start = System.nanoTime();
		long interval = this.properties.rushDuration().toNanos() / Math.max(progress.planned, 1);
		long lastSend = start + 2 * this.properties.rushDuration().toNanos();
		int concurrency = this.properties.rushConcurrency();
		Semaphore inFlight = new Semaphore(concurrency);
		try {
			for (int i = 0; i < progress.planned; i++) {
				parkUntil(start + i * interval);
				if (!inFlight.tryAcquire(Math.max(lastSend - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
					break;
				}
				progress.sent.incrementAndGet();
				// a new customer every time, across restarts too: the shop keeps what
				// each
				// customer holds (the purchase limit) longer than this web tier lives
				this.client.checkout("lab-rush-" + UUID.randomUUID(), nextAddress(), this.sku, progress.mode)
					.thenAccept((answer) -> {
						progress.answered(answer);
						if (answer.status() != 0) {
							this.latencies.record(progress.mode, answer.micros());
						}
						inFlight.release();
					});
			}
			inFlight.tryAcquire(concurrency, this.properties.rushRequestTimeout().toMillis() + 1_000,
					TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			progress.finishedAt = Instant.now();
			logger
				.info("Launch rush " + progress.run + " (" + progress.mode + ") done: " + progress.state().outcomes());
		}
	}

	private String nextAddress() {
		long n = this.buyers.incrementAndGet();
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	private static void parkUntil(long nanoTime) {
		long wait;
		while ((wait = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	private static final class Progress {

		final int run;

		final String mode;

		final int planned;

		final Instant startedAt = Instant.now();

		final AtomicInteger sent = new AtomicInteger();

		final AtomicInteger answered = new AtomicInteger();

		final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

		volatile Instant finishedAt;

		Progress(int run, String mode, int planned) {
			this.run = run;
			this.mode = mode;
			this.planned = planned;
		}

		void answered(RushClient.Answer answer) {
			this.outcomes.computeIfAbsent(answer.outcome(), (outcome) -> new AtomicInteger()).incrementAndGet();
			this.answered.incrementAndGet();
		}

		RushState state() {
			Map<String, Integer> counts = new TreeMap<>();
			this.outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
			return new RushState(this.run, this.mode, this.finishedAt == null, this.planned, this.sent.get(),
					this.answered.get(), counts, this.startedAt, this.finishedAt);
		}

	}

	/**
	 * What the lab shows of a rush.
	 *
	 * @param run its number since the web-tier started
	 * @param mode the checkout mode it sent in
	 * @param running whether it is still under way
	 * @param planned how many checkouts it sends at most
	 * @param sent how many it sent so far
	 * @param answered how many were answered (or gave up waiting)
	 * @param outcomes answers by outcome (confirmed, accepted, sold out, busy, ...)
	 * @param startedAt when it started
	 * @param finishedAt when it ended, null while running
	 */
	record RushState(int run, String mode, boolean running, int planned, int sent, int answered,
			Map<String, Integer> outcomes, Instant startedAt, Instant finishedAt) {

	}

}
