package dev.xboxshop.localrun;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.xboxshop.localrun.ShopClient.Answer;

import static dev.xboxshop.localrun.ShopClient.XBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas each of order-service and inventory-service behind the gateway, which
 * balances between static instances on the client side. Replication must not cost an
 * invariant.
 */
class ReplicasSystemIntegrationTests {

	private static final String[] ORDER_REPLICAS = { "order-service", "order-service-2" };

	private static final String[] INVENTORY_REPLICAS = { "inventory-service", "inventory-service-2" };

	private static ShopClient client;

	@BeforeAll
	static void startShop() {
		client = new ShopClient(RunningShop.get());
	}

	@Test
	void aModeSwitchOnOneReplicaIsSeenByTheOtherWithinASecond() {
		client.setMode("sync");
		await().atMost(Duration.ofSeconds(1)).until(() -> "sync".equals(client.modeOf("order-service-2")));

		client.setMode("async");

		await().atMost(Duration.ofSeconds(1)).until(() -> "async".equals(client.modeOf("order-service-2")));
		client.setMode("sync");
	}

	@Test
	void ordersSpreadOverBothReplicasNeverOversellAndNeverGetLost() {
		client.setAvailable(XBOX, 60);
		long[] ordersBefore = served(ORDER_REPLICAS, "/api/orders", "POST");
		long[] reservationsBefore = served(INVENTORY_REPLICAS, "/api/reservations", "POST");
		String run = UUID.randomUUID().toString();

		List<Answer> sync = Crowd.buy(200, 16, (i) -> client.placeOrderThroughGateway("rs-" + run + i, "rs-" + run + i,
				"sync", "198.51.100." + (i % 200)));
		List<Answer> async = Crowd.buy(200, 16, (i) -> client.placeOrderThroughGateway("ra-" + run + i, "ra-" + run + i,
				"async", "203.0.113." + (i % 200)));

		// a replica's first calls can outlast the sync timeout on a loaded machine: sync
		// then
		// answers 503 and keeps nothing, which is its promise; it must never sell more
		Map<Integer, Long> syncAnswers = Crowd.byStatus(sync);
		assertThat(syncAnswers).as("%s", Crowd.problems(sync)).containsEntry(201, 60L);
		assertThat(syncAnswers.keySet()).as("%s", Crowd.problems(sync)).isSubsetOf(201, 409, 503);
		assertThat(sync.stream().filter((a) -> a.status() == 503))
			.allMatch((a) -> a.text("type").endsWith("/warehouse-unavailable"));
		assertThat(Crowd.byStatus(async)).as("%s", Crowd.problems(async)).isEqualTo(Map.of(202, 200L));
		List<String> accepted = async.stream().map((a) -> a.text("orderId")).toList();
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> accepted.stream().noneMatch((id) -> "ACCEPTED".equals(client.order(id).text("status"))));
		assertThat(accepted).allMatch((id) -> "CANCELLED".equals(client.order(id).text("status")),
				"stock was gone, so every async order ends with an apology");
		assertThat(client.stockOf(XBOX).path("available").asLong()).isZero();
		assertThat(client.audit().text("verdict")).isEqualTo("PASS");
		assertEachServedAShare(ORDER_REPLICAS, ordersBefore, "/api/orders", "POST");
		assertEachServedAShare(INVENTORY_REPLICAS, reservationsBefore, "/api/reservations", "POST");
	}

	@Test
	void startsAgainWhatStoppedOnItsOwnAndTheOrdersAreStillThere() {
		LocalShop shop = RunningShop.get();
		client.setAvailable(XBOX, 10);
		String customer = "revive-" + UUID.randomUUID();
		Answer placed = client.placeOrder(customer, customer, "sync", 1);
		assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
		// Redis writes its append-only file every second
		await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
		ProcessHandle redis = shop.redisProcess();
		redis.destroyForcibly();
		redis.onExit().join();
		shop.service("order-service-2").kill();

		List<String> revived = shop.reviveDead();

		assertThat(revived).containsExactly("Redis", "order-service-2");
		assertThat(shop.service("order-service-2").healthy()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "CONFIRMED".equals(client.order(placed.text("orderId")).text("status")));
		assertThat(shop.reviveDead()).as("nothing else stopped").isEmpty();
	}

	private static long[] served(String[] replicas, String uri, String method) {
		long[] counts = new long[replicas.length];
		for (int i = 0; i < replicas.length; i++) {
			counts[i] = client.served(replicas[i], uri, method);
		}
		return counts;
	}

	private static void assertEachServedAShare(String[] replicas, long[] before, String uri, String method) {
		long[] after = served(replicas, uri, method);
		for (int i = 0; i < replicas.length; i++) {
			long share = after[i] - before[i];
			System.out.printf("%s served %d %s %s%n", replicas[i], share, method, uri);
			assertThat(share).as(replicas[i] + " served a share").isPositive();
		}
	}

}
