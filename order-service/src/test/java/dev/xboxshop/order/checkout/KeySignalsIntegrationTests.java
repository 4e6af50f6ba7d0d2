package dev.xboxshop.order.checkout;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.xboxshop.order.OrderServiceIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates waiting on an idempotency key are woken by the owner's settlement, published
 * on a Redis channel, not by looking at the key again and again.
 */
class KeySignalsIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final Duration LONGER_THAN_THE_TEST = Duration.ofMinutes(2);

	@Autowired
	private KeySignals signals;

	@Autowired
	private IdempotencyKeys keys;

	@Test
	void aWaiterIsWokenWhenTheOwnerStoresItsResponse() throws Exception {
		String key = UUID.randomUUID().toString();
		String owner = UUID.randomUUID().toString();
		this.keys.claim(key, "fingerprint", UUID.randomUUID().toString(), owner);

		try (KeySignals.Watch watch = this.signals.watch(key)) {
			CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> watch.await(LONGER_THAN_THE_TEST));
			this.keys.complete(key, owner, new StoredResponse(201, MediaType.APPLICATION_JSON_VALUE, "{}", "o-1"));

			// get() would time out (and the test fail) if only the two-minute wait ended
			// it
			waiting.get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aWaiterIsWokenWhenTheOwnerGivesTheKeyUp() throws Exception {
		String key = UUID.randomUUID().toString();
		String owner = UUID.randomUUID().toString();
		String orderId = UUID.randomUUID().toString();
		this.keys.claim(key, "fingerprint", orderId, owner);

		try (KeySignals.Watch watch = this.signals.watch(key)) {
			CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> watch.await(LONGER_THAN_THE_TEST));
			this.keys.abandon(key, owner, orderId);

			waiting.get(30, TimeUnit.SECONDS);
		}
		assertThat(this.keys.claim(key, "fingerprint", orderId, "next").state())
			.isEqualTo(IdempotencyKeys.Claim.State.CLAIMED);
	}

	@Test
	void aSettlementOfAnotherKeyDoesNotWakeTheWaiter() throws Exception {
		String key = UUID.randomUUID().toString();
		String other = UUID.randomUUID().toString();
		String owner = UUID.randomUUID().toString();
		this.keys.claim(other, "fingerprint", UUID.randomUUID().toString(), owner);

		try (KeySignals.Watch watch = this.signals.watch(key)) {
			CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> watch.await(Duration.ofSeconds(3)));
			this.keys.complete(other, owner, new StoredResponse(201, MediaType.APPLICATION_JSON_VALUE, "{}", "o-2"));

			Thread.sleep(1000);
			assertThat(waiting).as("still waiting one second after another key settled").isNotDone();
			waiting.get(30, TimeUnit.SECONDS);
		}
	}

}
