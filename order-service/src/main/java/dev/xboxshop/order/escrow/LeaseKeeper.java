package dev.xboxshop.order.escrow;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.inventory.WarehouseUnavailable;

/**
 * Keeps this replica's leases: renews them by heartbeat (reporting what it sold), refills
 * a quota in batches before it runs dry (sized from the recent sales rate), gets more at
 * once when a shopper finds it empty (concurrent shoppers share one warehouse trip), and
 * gives every lease back when the replica stops.
 */
@Component
class LeaseKeeper implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

	private final EscrowQuotas quotas;

	private final LeaseClient inventory;

	private final EscrowProperties properties;

	private final String replicaId;

	private final Map<String, CompletableFuture<LeaseAnswer>> grants = new ConcurrentHashMap<>();

	private final Map<String, SalesRate> rates = new ConcurrentHashMap<>();

	/** What inventory last said was available per sku, and when (nanoTime). */
	private final Map<String, long[]> available = new ConcurrentHashMap<>();

	/** Units shoppers are waiting for per sku while its quota is dry. */
	private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

	/** Skus with a background refill queued or under way (one at a time per sku). */
	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	/**
	 * One per sku: a grant never overlaps a give-back, so the sold count a return sends
	 * is final.
	 */
	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	/** Skus whose quota this replica gave back and has not asked for again. */
	private final Set<String> givenBack = ConcurrentHashMap.newKeySet();

	private final ExecutorService refills = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "escrow-refill");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	LeaseKeeper(EscrowQuotas quotas, LeaseClient inventory, EscrowProperties properties, ReplicaId replicaId) {
		this.quotas = quotas;
		this.inventory = inventory;
		this.properties = properties;
		this.replicaId = replicaId.value();
	}

	String replicaId() {
		return this.replicaId;
	}

	/**
	 * Get more of the sku now (one warehouse trip, shared with concurrent callers).
	 * @return inventory's answer
	 * @throws WarehouseUnavailable when inventory does not answer
	 */
	LeaseAnswer refillNow(String sku, int atLeast) {
		AtomicInteger waiting = this.waiting.computeIfAbsent(sku, (key) -> new AtomicInteger());
		waiting.addAndGet(atLeast);
		try {
			CompletableFuture<LeaseAnswer> mine = new CompletableFuture<>();
			CompletableFuture<LeaseAnswer> running = this.grants.putIfAbsent(sku, mine);
			if (running != null) {
				return joined(running);
			}
			try {
				// a crowd of shoppers found the quota dry: ask for all of them at once
				mine.complete(grant(sku, Math.min(this.properties.maxBatch(), Math.max(waiting.get(), batch(sku)))));
			}
			catch (RuntimeException ex) {
				mine.completeExceptionally(ex);
				throw ex;
			}
			finally {
				this.grants.remove(sku, mine);
			}
			return joined(mine);
		}
		finally {
			waiting.addAndGet(-atLeast);
		}
	}

	/**
	 * The shared refill's answer, or its failure as it was thrown (a buyer who waited on
	 * another's warehouse trip is told the warehouse is unavailable, as that buyer was,
	 * never an internal error).
	 */
	private static LeaseAnswer joined(CompletableFuture<LeaseAnswer> refill) {
		try {
			return refill.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * A sale took units: count them, and refill in the background when the quota runs
	 * low.
	 */
	void sold(String sku, int units, long left) {
		this.rates.computeIfAbsent(sku, (key) -> new SalesRate()).add(units);
		if (left < lowWater(sku) && this.running && this.queued.add(sku)) {
			this.refills.execute(() -> {
				try {
					refillNow(sku, 1);
				}
				catch (RuntimeException ex) {
					log.debug("Escrow refill of {} failed: {}", sku, ex.getMessage());
				}
				finally {
					this.queued.remove(sku);
				}
			});
		}
	}

	/**
	 * Units a refill asks for: enough for the refill horizon at the recent sales rate.
	 */
	int batch(String sku) {
		double perSecond = this.rates.computeIfAbsent(sku, (key) -> new SalesRate()).perSecond();
		long wanted = (long) Math.ceil(perSecond * this.properties.refillHorizon().toMillis() / 1000.0);
		return (int) Math.max(this.properties.minBatch(), Math.min(this.properties.maxBatch(), wanted));
	}

	private long lowWater(String sku) {
		return Math.max(1, batch(sku) / 2);
	}

	private LeaseAnswer grant(String sku, int wanted) {
		synchronized (lock(sku)) {
			if (wanted > 0) {
				this.givenBack.remove(sku);
			}
			LeaseAnswer answer = this.inventory.grant(sku, this.replicaId, wanted,
					this.quotas.sold(sku, this.replicaId));
			this.quotas.adopt(answer, this.replicaId);
			this.available.put(sku, new long[] { answer.available(), System.nanoTime() });
			return answer;
		}
	}

	/**
	 * Whether inventory said within the last heartbeat and a half that it has none of the
	 * sku left: a shopper who finds every quota dry then hears "sold out" without a call
	 * (a restock shows within that time).
	 */
	boolean knownSoldOut(String sku) {
		long[] known = this.available.get(sku);
		return known != null && known[0] <= 0
				&& System.nanoTime() - known[1] < this.properties.heartbeat().toNanos() * 3 / 2;
	}

	private Object lock(String sku) {
		return this.locks.computeIfAbsent(sku, (key) -> new Object());
	}

	@Scheduled(fixedDelayString = "${shop.order.escrow.heartbeat:1s}")
	void heartbeat() {
		if (!this.running) {
			return;
		}
		for (String sku : this.quotas.skus(this.replicaId)) {
			if (this.givenBack.contains(sku)) {
				continue;
			}
			SalesRate rate = this.rates.computeIfAbsent(sku, (key) -> new SalesRate());
			rate.tick();
			try {
				if (rate.idleFor() > this.properties.idleReturn().toNanos()) {
					giveBack(sku);
				}
				else {
					grant(sku, 0);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Lease of {} not renewed: {}", sku, ex.getMessage());
			}
		}
	}

	/** Stop selling from the quota, then hand its unsold units back to inventory. */
	private void giveBack(String sku) {
		synchronized (lock(sku)) {
			long sold = this.quotas.close(sku, this.replicaId);
			this.quotas.adopt(this.inventory.giveBack(sku, this.replicaId, sold), this.replicaId);
			this.givenBack.add(sku);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Give every lease back: stop selling from it first, so the sold count is final. */
	@Override
	public void stop() {
		this.running = false;
		for (String sku : this.quotas.skus(this.replicaId)) {
			try {
				giveBack(sku);
			}
			catch (RuntimeException ex) {
				log.warn("Lease of {} not given back (it expires by itself): {}", sku, ex.getMessage());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops after the web server stopped taking orders, before Redis goes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	/** Units sold per second, smoothed over heartbeats. */
	private static final class SalesRate {

		private final AtomicLong sinceTick = new AtomicLong();

		private volatile long tickedAt = System.nanoTime();

		private volatile double perSecond;

		private volatile long lastSale = System.nanoTime();

		void add(long units) {
			this.sinceTick.addAndGet(units);
			this.lastSale = System.nanoTime();
		}

		long idleFor() {
			return System.nanoTime() - this.lastSale;
		}

		synchronized void tick() {
			long now = System.nanoTime();
			double seconds = Math.max((now - this.tickedAt) / 1e9, 0.001);
			double latest = this.sinceTick.getAndSet(0) / seconds;
			this.perSecond = 0.5 * this.perSecond + 0.5 * latest;
			this.tickedAt = now;
		}

		double perSecond() {
			long now = System.nanoTime();
			double seconds = (now - this.tickedAt) / 1e9;
			// within a tick, a burst counts at once
			double current = (seconds > 0.2) ? this.sinceTick.get() / seconds : 0;
			return Math.max(this.perSecond, current);
		}

	}

}
