package dev.xboxshop.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.inventory.InventoryIntegrationTest;
import dev.xboxshop.inventory.TestProducts;
import dev.xboxshop.inventory.catalog.StockLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reservation component itself under contention, against real Redis with no warehouse
 * latency.
 */
@InventoryIntegrationTest
class ReservationConcurrencyIntegrationTests {

	private final ExecutorService pool = Executors.newFixedThreadPool(32);

	@Autowired
	private Reservations reservations;

	@Autowired
	private TestProducts products;

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@Test
	void sellsExactlyTheStockWhenAThousandOrdersRaceForAHundredUnits() throws Exception {
		String sku = this.products.create(100, 2);
		AtomicBoolean racing = new AtomicBoolean(true);
		AtomicLong lowestSeen = new AtomicLong(Long.MAX_VALUE);
		AtomicInteger unconservedSnapshots = new AtomicInteger();
		AtomicInteger samples = new AtomicInteger();
		Thread sampler = new Thread(() -> {
			while (racing.get()) {
				StockLevel level = this.products.level(sku);
				lowestSeen.accumulateAndGet(level.available(), Math::min);
				if (!level.conserved()) {
					unconservedSnapshots.incrementAndGet();
				}
				samples.incrementAndGet();
			}
		}, "stock-sampler");
		sampler.start();

		List<Callable<ReservationResult>> orders = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			orders.add(() -> this.reservations.reserve(TestProducts.orderId(), sku, 1));
		}
		List<ReservationResult> results = new ArrayList<>();
		for (Future<ReservationResult> future : this.pool.invokeAll(orders, 2, TimeUnit.MINUTES)) {
			results.add(future.get());
		}
		racing.set(false);
		sampler.join(10_000);

		assertThat(results.stream().filter(ReservationResult::reserved)).hasSize(100);
		assertThat(results.stream().filter((result) -> result.reservation().status() == ReservationStatus.REJECTED))
			.hasSize(900)
			.allSatisfy((result) -> assertThat(result.reservation().reason()).isEqualTo("sold out"));
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isZero();
		assertThat(level.reserved()).isEqualTo(100);
		assertThat(level.conserved()).isTrue();
		assertThat(samples.get()).isPositive();
		assertThat(lowestSeen.get()).isGreaterThanOrEqualTo(0);
		assertThat(unconservedSnapshots.get()).isZero();
	}

	@Test
	void reservesOnceWhenTheSameOrderArrivesTwentyTimesAtOnce() throws Exception {
		String sku = this.products.create(10, 2);
		String orderId = TestProducts.orderId();
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<ReservationResult>> repeats = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			repeats.add(() -> {
				start.await();
				return this.reservations.reserve(orderId, sku, 2);
			});
		}
		List<Future<ReservationResult>> futures = new ArrayList<>();
		repeats.forEach((repeat) -> futures.add(this.pool.submit(repeat)));
		start.countDown();
		List<ReservationResult> results = new ArrayList<>();
		for (Future<ReservationResult> future : futures) {
			results.add(future.get(1, TimeUnit.MINUTES));
		}

		assertThat(results).allSatisfy((result) -> assertThat(result.reserved()).isTrue());
		assertThat(results.stream().filter((result) -> !result.repeat())).hasSize(1);
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isEqualTo(8);
		assertThat(level.reserved()).isEqualTo(2);
		assertThat(level.conserved()).isTrue();
	}

	@Test
	void returnsStockOnceWhenAReleaseIsRepeated() {
		String sku = this.products.create(5, 2);
		String orderId = TestProducts.orderId();
		this.reservations.reserve(orderId, sku, 2);

		List<ReservationResult> first = this.reservations.release(orderId);
		List<ReservationResult> second = this.reservations.release(orderId);
		List<ReservationResult> third = this.reservations.release(orderId);

		assertThat(first).singleElement().satisfies((result) -> {
			assertThat(result.reservation().status()).isEqualTo(ReservationStatus.RELEASED);
			assertThat(result.repeat()).isFalse();
		});
		assertThat(second).singleElement().satisfies((result) -> assertThat(result.repeat()).isTrue());
		assertThat(third).singleElement().satisfies((result) -> assertThat(result.repeat()).isTrue());
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isEqualTo(5);
		assertThat(level.reserved()).isZero();
		assertThat(level.conserved()).isTrue();
	}

	@Test
	void repeatsARejectionWithoutReservingWhenStockReturnsLater() {
		String sku = this.products.create(1, 2);
		String orderId = TestProducts.orderId();

		ReservationResult rejected = this.reservations.reserve(orderId, sku, 2);
		String other = TestProducts.orderId();
		this.reservations.reserve(other, sku, 1);
		this.reservations.release(other);
		ReservationResult repeated = this.reservations.reserve(orderId, sku, 1);

		assertThat(rejected.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(repeated.repeat()).isTrue();
		assertThat(repeated.reservation()).isEqualTo(rejected.reservation());
		assertThat(this.products.level(sku).available()).isEqualTo(1);
	}

	@Test
	void keepsOneReservationPerSkuForAnOrderWithSeveralLines() {
		String console = this.products.create(3, 2);
		String controller = this.products.create(3, 4);
		String orderId = TestProducts.orderId();

		this.reservations.reserve(orderId, console, 1);
		this.reservations.reserve(orderId, controller, 3);
		List<ReservationResult> released = this.reservations.release(orderId);

		assertThat(released).hasSize(2).allSatisfy((result) -> assertThat(result.repeat()).isFalse());
		assertThat(this.products.level(console).available()).isEqualTo(3);
		assertThat(this.products.level(controller).available()).isEqualTo(3);
		assertThat(this.reservations.find(orderId)).extracting(Reservation::status)
			.containsOnly(ReservationStatus.RELEASED);
	}

}
