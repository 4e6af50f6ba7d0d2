package dev.xboxshop.inventory.warehouse;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Bounds the reservation calls in flight over HTTP, so a flood is turned away fast with
 * 503 {@code warehouse-busy} instead of queueing until every caller times out.
 */
@Component
public class WarehouseBulkhead {

	private final Semaphore slots;

	private final long maxWaitNanos;

	WarehouseBulkhead(WarehouseProperties properties) {
		this.slots = new Semaphore(properties.maxConcurrentReservations());
		this.maxWaitNanos = properties.bulkheadMaxWait().toNanos();
	}

	public <T> T call(Supplier<T> work) {
		if (!acquire()) {
			throw new WarehouseBusy();
		}
		try {
			return work.get();
		}
		finally {
			this.slots.release();
		}
	}

	private boolean acquire() {
		try {
			return this.slots.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
