package dev.xboxshop.order.inventory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Compensations: the reservations of a failed order go into the release outbox in the
 * same script that fails it, are named by (order id, sku) in every mode, and are relayed
 * until inventory acknowledges them.
 */
class ReleaseOutboxIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final Duration SETTLE = Duration.ofSeconds(30);

	@Autowired
	private OrderRepository orders;

	@Test
	void cancellingAnAsyncOrderOfTwoLinesReleasesBothUnderTheOrderId() {
		String orderId = this.api.place("async", twoLines(newCustomer())).orderId();
		// inventory's consumer reserved both lines, but its answer never came
		inventory.reserveDirectly(orderId, "GAME-A", 1);
		inventory.reserveDirectly(orderId, "GAME-B", 2);

		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CANCELLED"));

		await().atMost(SETTLE).untilAsserted(() -> {
			assertThat(inventory.status(orderId, "GAME-A")).isEqualTo("RELEASED");
			assertThat(inventory.status(orderId, "GAME-B")).isEqualTo("RELEASED");
		});
		assertThat(inventory.available("GAME-A")).isEqualTo(1000);
		assertThat(inventory.available("GAME-B")).isEqualTo(1000);
		await().atMost(SETTLE).until(() -> !inOutbox(orderId, "GAME-A") && !inOutbox(orderId, "GAME-B"));
	}

	@Test
	void theCancellationAndItsReleasesAreOneStepAndTheReleasesWaitForInventory() {
		String orderId = this.api.place("async", twoLines(newCustomer())).orderId();
		inventory.reserveDirectly(orderId, "GAME-A", 1);
		inventory.down(true);
		Order order = this.orders.find(orderId).orElseThrow();

		assertThat(this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, "test", order.skus())
			.changed()).isTrue();

		// the order is failed and both releases are waiting, whatever happens next
		assertThat(inOutbox(orderId, "GAME-A")).isTrue();
		assertThat(inOutbox(orderId, "GAME-B")).isTrue();
		await().atMost(SETTLE)
			.until(() -> this.redis.opsForHash().hasKey(RedisKeys.RELEASE_ATTEMPTS, orderId + "|GAME-A"));
		assertThat(inOutbox(orderId, "GAME-A")).as("kept while inventory is down").isTrue();
		assertThat(inventory.status(orderId, "GAME-A")).isEqualTo("RESERVED");

		inventory.down(false);

		await().atMost(SETTLE).until(() -> !inOutbox(orderId, "GAME-A") && !inOutbox(orderId, "GAME-B"));
		assertThat(inventory.status(orderId, "GAME-A")).isEqualTo("RELEASED");
		assertThat(inventory.status(orderId, "GAME-B")).as("a tombstone: a late reserve takes nothing")
			.isEqualTo("RELEASED");
		assertThat(inventory.available("GAME-A")).isEqualTo(1000);
	}

	@Test
	void aTransitionThatDoesNotHappenReleasesNothing() {
		String orderId = this.api.place("async", twoLines(newCustomer())).orderId();
		Order order = this.orders.find(orderId).orElseThrow();

		assertThat(this.orders.transition(order, OrderStatus.CONFIRMED, OrderStatus.CANCELLED, "test", order.skus())
			.changed()).isFalse();

		assertThat(inOutbox(orderId, "GAME-A")).isFalse();
	}

	@Test
	void aSyncOrderStrandedMidCallIsCancelledByTheSyncDeadlineNotTheAsyncOne() {
		inventory.holdReservations();
		String customer = newCustomer();
		CompletableFuture<OrderApi.Response> placing = CompletableFuture
			.supplyAsync(() -> this.api.place("sync", OrderApi.orderJson(customer, "GAME-A", 1)));
		try {
			await().atMost(SETTLE).until(() -> !inventory.reserveCalls().isEmpty());
			String orderId = inventory.reserveCalls().get(0);
			Order order = this.orders.find(orderId).orElseThrow();
			Double deadline = this.redis.opsForZSet().score(RedisKeys.ACCEPTED, orderId);

			// shop.order.sync.deadline=5s in the tests; the async deadline is 8s
			assertThat(deadline).isNotNull();
			assertThat(deadline.longValue()).isEqualTo(order.createdAt().plus(Duration.ofSeconds(5)).toEpochMilli());
		}
		finally {
			inventory.letGo();
			placing.join();
		}
	}

	private boolean inOutbox(String orderId, String sku) {
		return this.redis.opsForZSet().score(RedisKeys.RELEASES, orderId + "|" + sku) != null;
	}

	private static String twoLines(String customer) {
		return "{\"customerId\":\"" + customer
				+ "\",\"items\":[{\"sku\":\"GAME-A\",\"quantity\":1},{\"sku\":\"GAME-B\",\"quantity\":2}]}";
	}

}
