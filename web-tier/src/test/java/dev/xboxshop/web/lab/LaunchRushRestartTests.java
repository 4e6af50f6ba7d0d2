package dev.xboxshop.web.lab;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.xboxshop.web.WebTierProperties;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchRushRestartTests {

	private static final LabProperties LAB = new LabProperties(10, Duration.ofMillis(100), 4, Duration.ofSeconds(1),
			100, 1000, "sync", Duration.ofSeconds(1), Duration.ofSeconds(1));

	private static final WebTierProperties WEB = new WebTierProperties("http://127.0.0.1:1", Duration.ofMillis(300),
			Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(1),
			Duration.ofMinutes(5), "XBOX-SERIES-X", false, Duration.ofSeconds(10));

	private final List<String> customers = new CopyOnWriteArrayList<>();

	@Test
	void aRushAfterARestartBuysWithNewCustomersNotLastTimesOnes() {
		// the shop remembers what each customer holds (the purchase limit); a web tier
		// that starts again must not send the same customers as before its restart
		rushOnce();
		rushOnce();

		assertThat(this.customers).hasSize(20).doesNotHaveDuplicates();
	}

	private void rushOnce() {
		LaunchRush rush = new LaunchRush(new RecordingClient(), new CheckoutLatencies(LAB), LAB, WEB);
		assertThat(rush.start("async")).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !rush.isRunning());
	}

	private final class RecordingClient extends RushClient {

		RecordingClient() {
			super(WEB, LAB);
		}

		@Override
		CompletableFuture<Answer> checkout(String customerId, String address, String sku, String mode) {
			LaunchRushRestartTests.this.customers.add(customerId);
			return CompletableFuture.completedFuture(new Answer(202, 1_000));
		}

	}

}
