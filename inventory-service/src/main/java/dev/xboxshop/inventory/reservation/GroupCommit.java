package dev.xboxshop.inventory.reservation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.xboxshop.inventory.warehouse.Warehouse;
import dev.xboxshop.inventory.warehouse.WarehouseBusy;
import dev.xboxshop.inventory.warehouse.WarehouseProperties;

/**
 * Group commit for sync reservations: concurrent requests share warehouse trips. A
 * request waits in line; at most {@code maxConcurrentReservations} trips are in flight,
 * and each trip takes everyone waiting when it starts, decided by one script per sku in
 * arrival order (the same path as a batch of async orders, so the same guarantees: each
 * line decided once, never more than the stock). A request that finds every trip in
 * flight and the line full ({@code maxWaitingReservations}) is turned away at once with
 * 503 {@code warehouse-busy} and nothing done.
 */
@Component
class GroupCommit {

	private final Function<List<ReservationRequest>, List<ReservationResult>> trip;

	private final int maxTrips;

	private final int maxWaiting;

	private final ArrayDeque<Rider> waiting = new ArrayDeque<>();

	private final ExecutorService drivers;

	/** Trips in flight; guarded by {@link #waiting}. */
	private int driving;

	/** Trips handed to a thread that has not taken its riders yet; guarded likewise. */
	private int starting;

	/** Reservations per trip: how much the sharing saves. */
	private final DistributionSummary batchSizes;

	@Autowired
	GroupCommit(Reservations reservations, WarehouseProperties properties, MeterRegistry meters) {
		this(reservations::reserveIndexed, properties.maxConcurrentReservations(), properties.maxWaitingReservations(),
				meters);
	}

	GroupCommit(Function<List<ReservationRequest>, List<ReservationResult>> trip, int maxTrips, int maxWaiting,
			MeterRegistry meters) {
		this.trip = trip;
		this.maxTrips = maxTrips;
		this.maxWaiting = maxWaiting;
		this.batchSizes = Warehouse.batchSizes("sync", meters);
		AtomicInteger threads = new AtomicInteger();
		this.drivers = Executors.newCachedThreadPool((work) -> {
			Thread thread = new Thread(work, "warehouse-trip-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Reserve one valid line on the next trip that has room.
	 * @throws WarehouseBusy when too many are already waiting
	 */
	ReservationResult reserve(ReservationRequest request) {
		Rider rider = new Rider(request, new CompletableFuture<>());
		boolean newTrip;
		synchronized (this.waiting) {
			newTrip = this.driving < this.maxTrips;
			// a trip about to start takes everyone waiting: the line is full only when
			// every trip is under way
			if (!newTrip && this.starting == 0 && this.waiting.size() >= this.maxWaiting) {
				throw new WarehouseBusy();
			}
			this.waiting.add(rider);
			if (newTrip) {
				this.driving++;
				this.starting++;
			}
		}
		if (newTrip) {
			this.drivers.execute(this::drive);
		}
		try {
			// uninterruptible: once in line, the trip decides, and the caller must hear
			// how
			return rider.result().join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

	/** Reservations waiting for a trip now. */
	int waiting() {
		synchronized (this.waiting) {
			return this.waiting.size();
		}
	}

	/** Make trips while anyone waits. */
	private void drive() {
		boolean first = true;
		while (true) {
			List<Rider> batch;
			synchronized (this.waiting) {
				if (first) {
					this.starting--;
					first = false;
				}
				if (this.waiting.isEmpty()) {
					this.driving--;
					return;
				}
				batch = new ArrayList<>(this.waiting);
				this.waiting.clear();
			}
			ride(batch);
		}
	}

	private void ride(List<Rider> batch) {
		this.batchSizes.record(batch.size());
		try {
			List<ReservationResult> results = this.trip.apply(batch.stream().map(Rider::request).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).result().complete(results.get(i));
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((rider) -> rider.result().completeExceptionally(ex));
		}
	}

	private record Rider(ReservationRequest request, CompletableFuture<ReservationResult> result) {

	}

}
