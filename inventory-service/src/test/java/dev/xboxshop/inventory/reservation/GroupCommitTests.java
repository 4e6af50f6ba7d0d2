package dev.xboxshop.inventory.reservation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.xboxshop.inventory.warehouse.WarehouseBusy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class GroupCommitTests {

	private final ExecutorService buyers = Executors.newCachedThreadPool();

	private final CountDownLatch tripMayEnd = new CountDownLatch(1);

	private final List<List<String>> trips = Collections.synchronizedList(new ArrayList<>());

	private final Function<List<ReservationRequest>, List<ReservationResult>> slowTrip = (lines) -> {
		this.trips.add(lines.stream().map(ReservationRequest::orderId).toList());
		awaitQuietly(this.tripMayEnd);
		return lines.stream().map(GroupCommitTests::reserved).toList();
	};

	@Test
	void carriesEveryoneWhoWaitedOnTheNextTripInArrivalOrder() throws Exception {
		GroupCommit commit = new GroupCommit(this.slowTrip, 1, 100, new SimpleMeterRegistry());
		CompletableFuture<ReservationResult> first = reserveAsync(commit, "o-0");
		await().until(() -> this.trips.size() == 1);
		List<CompletableFuture<ReservationResult>> waiting = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			waiting.add(reserveAsync(commit, "o-" + i));
			await().until(() -> queued(commit) == waiting.size());
		}

		this.tripMayEnd.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS).reservation().orderId()).isEqualTo("o-0");
		for (int i = 0; i < waiting.size(); i++) {
			assertThat(waiting.get(i).get(10, TimeUnit.SECONDS).reservation().orderId()).isEqualTo("o-" + (i + 1));
		}
		assertThat(this.trips).containsExactly(List.of("o-0"), List.of("o-1", "o-2", "o-3", "o-4", "o-5"));
	}

	@Test
	void turnsAwayAReservationWhenTheLineIsFull() throws Exception {
		GroupCommit commit = new GroupCommit(this.slowTrip, 1, 1, new SimpleMeterRegistry());
		CompletableFuture<ReservationResult> riding = reserveAsync(commit, "o-1");
		await().until(() -> this.trips.size() == 1);
		CompletableFuture<ReservationResult> waiting = reserveAsync(commit, "o-2");
		await().until(() -> queued(commit) == 1);

		assertThatExceptionOfType(WarehouseBusy.class)
			.isThrownBy(() -> commit.reserve(new ReservationRequest("o-3", "XBOX", 1)));

		this.tripMayEnd.countDown();
		assertThat(riding.get(10, TimeUnit.SECONDS).reserved()).isTrue();
		assertThat(waiting.get(10, TimeUnit.SECONDS).reserved()).isTrue();
		assertThat(this.trips).containsExactly(List.of("o-1"), List.of("o-2"));
	}

	@Test
	void tellsEveryRiderWhenTheTripFails() {
		GroupCommit commit = new GroupCommit((lines) -> {
			throw new IllegalStateException("the warehouse failed to answer");
		}, 2, 10, new SimpleMeterRegistry());

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> commit.reserve(new ReservationRequest("o-1", "XBOX", 1)))
			.withMessage("the warehouse failed to answer");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> commit.reserve(new ReservationRequest("o-2", "XBOX", 1)));
	}

	private CompletableFuture<ReservationResult> reserveAsync(GroupCommit commit, String orderId) {
		return CompletableFuture.supplyAsync(() -> commit.reserve(new ReservationRequest(orderId, "XBOX", 1)),
				this.buyers);
	}

	@AfterEach
	void stopBuyers() {
		this.tripMayEnd.countDown();
		this.buyers.shutdownNow();
	}

	private static int queued(GroupCommit commit) {
		return commit.waiting();
	}

	private static ReservationResult reserved(ReservationRequest line) {
		return new ReservationResult(
				new Reservation(line.orderId(), line.sku(), line.quantity(), ReservationStatus.RESERVED, null), false);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
