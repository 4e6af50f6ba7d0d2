package dev.xboxshop.web.parts;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.xboxshop.web.WebTierProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartRunnerTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch never = new CountDownLatch(1);

	private final AtomicBoolean lateFinished = new AtomicBoolean();

	private final PartRunner runner = new PartRunner(this.executor,
			new WebTierProperties("http://localhost:1", Duration.ofMillis(100), Duration.ofSeconds(1),
					Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMinutes(1),
					"XBOX-SERIES-X", false, Duration.ofSeconds(10)));

	@AfterEach
	void release() {
		this.never.countDown();
		this.executor.shutdownNow();
	}

	@Test
	void aLatePartFallsBackAtItsTimeoutWhileTheOthersAnswer() {
		long start = System.nanoTime();
		CompletableFuture<Part<String>> late = this.runner.start("late", this::waitForever, (failure) -> "fallback");
		CompletableFuture<Part<String>> quick = this.runner.start("quick", () -> "live");

		ServerTiming timing = ServerTiming.await(start, List.of(late, quick));

		assertThat(late.join().value()).isEqualTo("fallback");
		assertThat(late.join().outcome()).isEqualTo(Part.Outcome.TIMEOUT);
		assertThat(quick.join().value()).isEqualTo("live");
		assertThat(quick.join().isLive()).isTrue();
		assertThat(timing.criticalPathName()).isEqualTo("late");
		// the page's parts came back although the late part never finished its work
		assertThat(this.lateFinished).isFalse();
		assertThat(this.never.getCount()).isEqualTo(1);
		assertThat(timing.header()).contains("late;dur=", "desc=\"timeout\"", "quick;dur=", "desc=\"live\"",
				"critical;desc=\"late\"", "total;dur=");
	}

	private String waitForever() {
		try {
			this.never.await();
			this.lateFinished.set(true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "too late";
	}

	@Test
	void aFailingPartShowsItsFallback() {
		Part<String> part = this.runner.<String>start("broken", () -> {
			throw new IllegalStateException("boom");
		}, (failure) -> "because " + failure.getMessage()).join();

		assertThat(part.outcome()).isEqualTo(Part.Outcome.ERROR);
		assertThat(part.value()).isEqualTo("because boom");
	}

}
