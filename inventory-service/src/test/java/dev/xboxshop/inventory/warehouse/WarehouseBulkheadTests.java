package dev.xboxshop.inventory.warehouse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WarehouseBulkheadTests {

	private final WarehouseBulkhead bulkhead = new WarehouseBulkhead(
			new WarehouseProperties(Duration.ZERO, 1, 1, Duration.ZERO, Duration.ZERO));

	@Test
	void turnsACallAwayWhileEverySlotIsTaken() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch leave = new CountDownLatch(1);
		CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> this.bulkhead.call(() -> {
			inside.countDown();
			await(leave);
			return "held";
		}));
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(WarehouseBusy.class).isThrownBy(() -> this.bulkhead.call(() -> "second"))
			.satisfies((busy) -> assertThat(busy.slug()).isEqualTo("warehouse-busy"));

		leave.countDown();
		assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(this.bulkhead.call(() -> "after")).isEqualTo("after");
	}

	@Test
	void freesTheSlotWhenTheCallFails() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.bulkhead.call(() -> {
			throw new IllegalStateException("boom");
		}));

		assertThat(this.bulkhead.call(() -> "next")).isEqualTo("next");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
