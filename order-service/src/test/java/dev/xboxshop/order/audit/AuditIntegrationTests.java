package dev.xboxshop.order.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.InventoryStub;
import dev.xboxshop.order.KafkaTestClient;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderRetention;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.testsupport.RealKafka;
import dev.xboxshop.testsupport.RealRedis;
import dev.xboxshop.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditor over a Redis database of its own, so it sees only this test's orders.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.redis.database=2", "shop.order.kafka.group-id=order-audit-test",
				"shop.order.kafka.ledger-topic=orders.ledger.audit-test", "shop.order.async.deadline=60s" })
@RealRedis
@RealKafka
@DirtiesContext
class AuditIntegrationTests {

	private static final InventoryStub inventory = InventoryStub.start();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	OrderRepository orders;

	@Autowired
	OrderRetention retention;

	@Autowired
	OrderWitness witness;

	private OrderApi api;

	@DynamicPropertySource
	static void inventoryUrl(DynamicPropertyRegistry registry) {
		registry.add("shop.order.inventory-url", inventory::url);
	}

	@AfterAll
	static void stopInventory() {
		inventory.close();
	}

	@BeforeEach
	void emptyShop() {
		this.redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});
		// the cases wipe the store on purpose; the witness starts afresh with each
		this.witness.forget();
		inventory.reset();
		this.api = new OrderApi(this.port);
	}

	@Test
	void passesWhenOrdersAndStockAgree() {
		KafkaTestClient kafka = new KafkaTestClient(RealServers.kafka().bootstrapServers());
		inventory.stock("XBOX-SERIES-X", 10);
		inventory.stock("GAME-A", 5);
		assertThat(this.api.place("sync", OrderApi.orderJson("audit-1", "XBOX-SERIES-X", 2)).status()).isEqualTo(201);
		assertThat(this.api.place("sync", OrderApi.orderJson("audit-2", "GAME-A", 1)).status()).isEqualTo(201);
		String confirmed = this.api.place("async", OrderApi.orderJson("audit-3", "GAME-A", 1)).orderId();
		inventory.reserveDirectly(confirmed, "GAME-A", 1);
		kafka.stockReserved(confirmed, "GAME-A", 1);
		String cancelled = this.api.place("async", OrderApi.orderJson("audit-4", "XBOX-SERIES-X", 1)).orderId();
		kafka.stockRejected(cancelled, "XBOX-SERIES-X");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.status(confirmed).equals("CONFIRMED")
					&& this.api.status(cancelled).equals("CANCELLED"));

		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).as(audit.toString()).isEqualTo("PASS");
		assertThat(audit.get("violations").isEmpty()).isTrue();
		assertThat(audit.get("orders").get("total").asLong()).isEqualTo(4);
		assertThat(audit.get("orders").get("byStatus").get("CONFIRMED").asLong()).isEqualTo(3);
		assertThat(audit.get("orders").get("byMode").get("async").get("CANCELLED").asLong()).isEqualTo(1);
		assertThat(sku(audit, "GAME-A").get("confirmedUnits").asLong()).isEqualTo(2);
		assertThat(sku(audit, "GAME-A").get("stock").get("reserved").asLong()).isEqualTo(2);
		assertThat(audit.get("inventory").get("reachable").asBoolean()).isTrue();
	}

	@Test
	void failsWhenMoreUnitsAreConfirmedThanInventoryHasStock() {
		assertThat(this.api.place("sync", OrderApi.orderJson("audit-1", "XBOX-SERIES-X", 2)).status()).isEqualTo(201);
		inventory.reportInitial("XBOX-SERIES-X", 1);

		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).isEqualTo("FAIL");
		assertThat(check(audit, "confirmed units never exceed stock").get("verdict").asString()).isEqualTo("FAIL");
		assertThat(audit.get("violations").toString()).contains("XBOX-SERIES-X: 2 confirmed, stock 1");
	}

	@Test
	void failsWhenInventoryHoldsStockForNoOrder() {
		inventory.reserveDirectly("ghost-order", "GAME-A", 3);

		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).isEqualTo("FAIL");
		assertThat(check(audit, "nothing reserved beyond live orders").get("detail").asString())
			.contains("GAME-A: 3 reserved or sold, 0 in live orders");
	}

	@Test
	void failsWhenAPurchaseLimitCounterDisagreesWithTheOrders() {
		inventory.stock("XBOX-SERIES-X", 10);
		assertThat(this.api.place("sync", OrderApi.orderJson("audit-7", "XBOX-SERIES-X", 2)).status()).isEqualTo(201);
		this.redis.opsForValue().set(dev.xboxshop.order.RedisKeys.purchaseLimit("audit-7"), "0");

		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).isEqualTo("FAIL");
		assertThat(check(audit, "purchase limit of 2 XBOX-SERIES-X").get("detail").asString())
			.contains("audit-7 holds 2, counter says 0");
	}

	@Test
	void failsOnAnOverdueOrderAndASharedIdempotencyKey() {
		Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
		for (String orderId : List.of("stuck-1", "stuck-2")) {
			Order order = new Order(orderId, "audit-5", List.of(new OrderLine("GAME-A", 1)), OrderStatus.ACCEPTED,
					CheckoutMode.ASYNC, null, longAgo, longAgo, 0, "shared-key");
			this.orders.create(order, Instant.now().plus(Duration.ofHours(1)), 2, null);
		}

		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).isEqualTo("FAIL");
		assertThat(audit.get("orders").get("acceptedPastDeadline").asLong()).isEqualTo(2);
		assertThat(check(audit, "one order per idempotency key").get("detail").asString()).contains("shared-key");
	}

	@Test
	void reportsUnknownRatherThanFailingWhenInventoryIsDown() {
		assertThat(this.api.place("async", OrderApi.orderJson("audit-6", "GAME-A", 1)).status()).isEqualTo(202);
		inventory.down(true);

		OrderApi.Response response = this.api.get("/api/audit");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("verdict").asString()).isEqualTo("UNKNOWN");
		assertThat(response.json().get("inventory").get("reachable").asBoolean()).isFalse();
		assertThat(check(response.json(), "stock is conserved").get("verdict").asString()).isEqualTo("UNKNOWN");
	}

	@Test
	void retiresFinalOrdersPastTheirRetentionAndStillPasses() {
		inventory.stock("XBOX-SERIES-X", 10);
		inventory.stock("GAME-A", 0);
		String confirmed = this.api.place("sync", OrderApi.orderJson("retire-1", "XBOX-SERIES-X", 2)).orderId();
		OrderApi.Response rejected = this.api.place("sync", OrderApi.orderJson("retire-2", "GAME-A", 1));
		String inFlight = this.api.place("async", OrderApi.orderJson("retire-3", "XBOX-SERIES-X", 1)).orderId();
		assertThat(rejected.status()).isEqualTo(409);

		int retired = this.retention.retireBefore(Instant.now().plusSeconds(1));

		assertThat(retired).isEqualTo(2);
		assertThat(this.api.get("/api/orders/" + confirmed).status()).isEqualTo(404);
		assertThat(this.api.get("/api/orders/" + rejected.orderId()).status()).isEqualTo(404);
		assertThat(this.api.status(inFlight)).as("an ACCEPTED order is never retired").isEqualTo("ACCEPTED");
		assertThat(this.api.ordersOf("retire-1")).isEmpty();
		JsonNode audit = audit();
		assertThat(audit.get("verdict").asString()).as(audit.toString()).isEqualTo("PASS");
		assertThat(audit.get("orders").get("total").asLong()).isEqualTo(1);
		assertThat(audit.get("orders").get("retired").get("CONFIRMED").asLong()).isEqualTo(1);
		assertThat(audit.get("orders").get("retired").get("REJECTED").asLong()).isEqualTo(1);
		JsonNode xbox = audit.get("skus")
			.valueStream()
			.filter((sku) -> sku.get("sku").asString().equals("XBOX-SERIES-X"))
			.findFirst()
			.orElseThrow();
		assertThat(xbox.get("confirmedUnits").asLong()).isZero();
		assertThat(xbox.get("retiredConfirmedUnits").asLong()).isEqualTo(2);
		assertThat(this.redis.opsForHash().size("ord:audit:key-uses")).as("one key use per live order").isEqualTo(1);
		assertThat(this.retention.retireBefore(Instant.now().plusSeconds(1))).as("once").isZero();
	}

	@Test
	void passesEscrowSalesHeldInTheirLeaseAndShowsTheLeasedUnits() {
		// a sku no other test here sells out: this replica remembers a sold-out answer of
		// inventory for 1.5 heartbeats, across the tests' emptied stores
		inventory.stock("GAME-C", 10);
		assertThat(this.api.place("escrow", OrderApi.orderJson("audit-1", "GAME-C", 2)).status()).isEqualTo(201);
		assertThat(this.api.place("escrow", OrderApi.orderJson("audit-2", "GAME-C", 1)).status()).isEqualTo(201);

		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).as(audit.toString()).isEqualTo("PASS");
		assertThat(sku(audit, "GAME-C").get("confirmedUnits").asLong()).isEqualTo(3);
		assertThat(sku(audit, "GAME-C").get("stock").get("leased").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(audit.get("orders").get("byMode").get("escrow").get("CONFIRMED").asLong()).isEqualTo(2);
	}

	@Test
	void failsWhenAReplicaSoldMoreThanItsLeaseHolds() {
		inventory.stock("GAME-A", 2);
		assertThat(this.api.place("escrow", OrderApi.orderJson("audit-1", "GAME-A", 2)).status()).isEqualTo(201);
		// the empty quota asks for more once (and gets nothing); then nothing grants
		// again
		await().atMost(Duration.ofSeconds(10))
			.until(() -> inventory.leaseCalls().stream().filter((call) -> call.startsWith("PUT")).count() >= 2);
		JsonNode lease = this.api.get("/api/escrow/leases").json().get(0);
		// one more unit sold from the quota than the lease holds (as when a lease expired
		// while a sale was not yet reported, and inventory took the unit back)
		this.redis.opsForHash().increment("ord:escrow:quota:GAME-A:" + lease.get("replicaId").asString(), "sold", 1);

		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).isEqualTo("FAIL");
		assertThat(audit.get("violations").toString()).contains("no escrow unit sold twice")
			.contains("GAME-A by " + lease.get("replicaId").asString() + ": sold 3, leased 2");
	}

	@Test
	void failsWithTheMissingOrderIdsWhenTheStoreIsWiped() {
		inventory.stock("GAME-A", 5);
		String sync = this.api.place("sync", OrderApi.orderJson("wiped-1", "GAME-A", 1)).orderId();
		String async = this.api.place("async", OrderApi.orderJson("wiped-2", "GAME-A", 1)).orderId();
		await().atMost(Duration.ofSeconds(30)).until(() -> witnessed(audit()).get("owed").asLong() == 2);
		assertThat(audit().get("verdict").asString()).isEqualTo("PASS");

		this.redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});
		JsonNode audit = audit();

		assertThat(audit.get("verdict").asString()).as(audit.toString()).isEqualTo("FAIL");
		assertThat(audit.get("orders").get("total").asLong()).isZero();
		assertThat(witnessed(audit).get("missingCount").asLong()).isEqualTo(2);
		assertThat(witnessed(audit).get("missing").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(sync, async);
		JsonNode stored = check(audit, WITNESS_CHECK);
		assertThat(stored.get("verdict").asString()).isEqualTo("FAIL");
		assertThat(stored.get("detail").asString()).contains(sync).contains(async);
		String anonymous = this.api.send(this.api.request("/api/audit").GET()).body();
		assertThat(anonymous).as("the missing ids are the operator's to see")
			.doesNotContain(sync)
			.doesNotContain(async)
			.contains("\"missingCount\":2");
	}

	@Test
	void failsWhenTheStoreLostAnOrdersOutcome() {
		KafkaTestClient kafka = new KafkaTestClient(RealServers.kafka().bootstrapServers());
		inventory.stock("GAME-A", 5);
		String confirmed = this.api.place("async", OrderApi.orderJson("rolled-back-1", "GAME-A", 1)).orderId();
		inventory.reserveDirectly(confirmed, "GAME-A", 1);
		kafka.stockReserved(confirmed, "GAME-A", 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> check(audit(), WITNESS_CHECK).get("detail")
				.asString()
				.startsWith("1 acknowledged order(s) in orders.ledger.audit-test")
					&& this.api.status(confirmed).equals("CONFIRMED"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> check(audit(), WITNESS_CHECK).get("verdict").asString().equals("PASS"));

		// what a store restored from an older copy holds: the order, but not its outcome
		this.redis.opsForHash().put(dev.xboxshop.order.RedisKeys.order(confirmed), "status", "ACCEPTED");
		JsonNode audit = audit();

		assertThat(check(audit, WITNESS_CHECK).get("verdict").asString()).as(audit.toString()).isEqualTo("FAIL");
		assertThat(witnessed(audit).get("rolledBackCount").asLong()).isEqualTo(1);
		assertThat(witnessed(audit).get("rolledBack").get(0).asString()).startsWith(confirmed)
			.contains("CONFIRMED in the witness");
	}

	private static final String WITNESS_CHECK = "every acknowledged order is still stored (the witness)";

	private static JsonNode witnessed(JsonNode audit) {
		return audit.get("witness");
	}

	@Test
	void showsOrderIdsOnlyToTheOperatorOrTheOrdersOwner() {
		String owner = "customer-" + java.util.UUID.randomUUID();
		String ownOrder = this.api.place("async", OrderApi.orderJson(owner, "GAME-A", 1)).orderId();
		String strangersOrder = java.util.UUID.randomUUID().toString();
		// two orders the auditor reports by id (cancelled without a reason)
		this.redis.opsForSet().add(RedisKeys.AUDIT_NO_REASON, ownOrder, strangersOrder);

		String operator = check(audit(), "cancelled and rejected orders say why").get("detail").asString();
		String anonymous = this.api.send(this.api.request("/api/audit").GET()).body();
		OrderApi.Response asOwner = this.api.send(OrderApi.asCustomer(this.api.request("/api/audit").GET(), owner));

		assertThat(operator).contains(ownOrder, strangersOrder);
		assertThat(anonymous).doesNotContain(ownOrder)
			.doesNotContain(strangersOrder)
			.contains("[redacted]")
			.contains("\"verdict\":\"FAIL\"");
		assertThat(asOwner.status()).isEqualTo(200);
		assertThat(asOwner.body()).contains(ownOrder).doesNotContain(strangersOrder).contains("[redacted]");
	}

	private JsonNode audit() {
		OrderApi.Response response = this.api.get("/api/audit");
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode sku(JsonNode audit, String sku) {
		return audit.get("skus")
			.valueStream()
			.filter((s) -> s.get("sku").asString().equals(sku))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode check(JsonNode audit, String name) {
		return audit.get("checks")
			.valueStream()
			.filter((check) -> check.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
