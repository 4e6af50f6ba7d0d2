package dev.xboxshop.order.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.InventoryStub;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderServiceApplication;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.testsupport.RealKafka;
import dev.xboxshop.testsupport.RealRedis;
import dev.xboxshop.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The counters the order scripts keep for the auditor, against a walk over every order
 * (what the auditor did before it had counters), in a Redis database of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.redis.database=3", "shop.order.kafka.group-id=order-audit-counters-test",
				"shop.order.kafka.ledger-topic=" + AuditCountersIntegrationTests.LEDGER,
				"shop.order.async.deadline=60s" })
@RealRedis
@RealKafka
@DirtiesContext
class AuditCountersIntegrationTests {

	private static final Instant FAR_AWAY = Instant.now().plus(Duration.ofDays(1));

	/** Orders are placed up to ten minutes old, so some are overdue by then. */
	private static final Instant OVERDUE_BEFORE = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(185);

	private static final List<String> SKUS = List.of("XBOX-SERIES-X", "GAME-A", "GAME-B", "PAD");

	static final String LEDGER = "orders.ledger.audit-counters-test";

	private static final InventoryStub inventory = InventoryStub.start();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	OrderRepository orders;

	@Autowired
	AuditCounters counters;

	@Autowired
	OrderWitness witness;

	@DynamicPropertySource
	static void inventoryUrl(DynamicPropertyRegistry registry) {
		registry.add("shop.order.inventory-url", inventory::url);
	}

	@AfterAll
	static void stopInventory() {
		inventory.close();
	}

	@BeforeEach
	void emptyStore() {
		this.redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});
		// the cases wipe the store on purpose; the witness starts afresh with each
		this.witness.forget();
		inventory.reset();
	}

	@Test
	void countersAgreeWithAWalkOverEveryOrderAfterEveryKindOfChange() {
		List<Order> placed = placeMixedOrders(new Random(8), 400);

		Walk walk = walk();
		OrderFigures figures = figures();
		assertThat(withoutSamples(figures)).isEqualTo(withoutSamples(walk.figures()));
		assertThat(walk.sharedKeys()).hasSizeGreaterThan(AuditCounters.SAMPLE).containsAll(figures.sharedKeys());
		assertThat(figures.sharedKeys()).hasSize(AuditCounters.SAMPLE);
		assertThat(walk.failedWithoutReason()).hasSizeGreaterThan(AuditCounters.SAMPLE)
			.containsAll(figures.failedWithoutReason());
		assertThat(figures.failedWithoutReason()).hasSize(AuditCounters.SAMPLE);
		assertThat(figures.overdueCount()).isPositive();
		assertThat(figures.confirmedUnits()).isNotEmpty();
		assertThat(figures.total()).isEqualTo(placed.size() - discarded(placed));
	}

	@Test
	void countsOrdersStoredBeforeTheCountersOnceAndOnlyOnce() {
		placeMixedOrders(new Random(5), 300);
		OrderFigures expected = withoutSamples(walk().figures());
		forgetCounters();
		// a change to an order nobody counted yet leaves the figures alone; the count
		// sees it
		// as it is then
		Order stillAccepted = acceptedOrder();
		this.orders.transition(stillAccepted, OrderStatus.ACCEPTED, OrderStatus.CONFIRMED, null);
		OrderFigures afterChange = withoutSamples(walk().figures());
		assertThat(afterChange).isNotEqualTo(expected);
		assertThat(this.redis.hasKey(RedisKeys.AUDIT_COUNTERS)).isFalse();

		assertThat(this.counters.countEarlierOrdersIfNeeded()).isEqualTo(afterChange.total());
		assertThat(this.counters.countEarlierOrdersIfNeeded()).isZero();
		assertThat(withoutSamples(figures())).isEqualTo(afterChange);
	}

	@Test
	void aRestartedServiceCountsYesterdaysOrdersAtStartUp() {
		placeMixedOrders(new Random(3), 200);
		OrderFigures expected = withoutSamples(walk().figures());
		JsonNode before = new OrderApi(this.port).get("/api/audit").json();
		forgetCounters();

		try (ConfigurableApplicationContext restarted = restart()) {
			assertThat(this.redis.hasKey(RedisKeys.AUDIT_COUNTED)).isTrue();
			assertThat(withoutSamples(figures())).isEqualTo(expected);
			int port = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
			// once the restarted service's witness has read its (empty) topic
			JsonNode after = await().atMost(Duration.ofSeconds(30))
				.until(() -> new OrderApi(port).get("/api/audit").json(), (audit) -> !verdicts(audit)
					.contains("every acknowledged order is still stored (the witness): UNKNOWN"));
			assertThat(after.get("orders")).isEqualTo(before.get("orders"));
			assertThat(after.get("verdict")).isEqualTo(before.get("verdict"));
			assertThat(verdicts(after)).isEqualTo(verdicts(before)).contains("one order per idempotency key: FAIL");
			assertThat(after.get("skus")).isEqualTo(before.get("skus"));
		}
	}

	@Test
	void failsWhenAnOrderIsIndexedWithoutTheScriptsCountingIt() {
		Instant now = Instant.now();
		this.orders.create(order("counted", "c-1", "GAME-A", 1, OrderStatus.ACCEPTED, "key-1", now), FAR_AWAY, 2, null);
		this.redis.opsForZSet().add(RedisKeys.ALL, "written-around-the-scripts", now.toEpochMilli());

		JsonNode audit = new OrderApi(this.port).get("/api/audit").json();

		assertThat(audit.get("verdict").asString()).isEqualTo("FAIL");
		assertThat(audit.get("violations").toString()).contains("1 order(s) counted, 2 indexed");
	}

	@Test
	void findsADriftingPurchaseLimitCounterAmongMoreCustomersThanOneAuditCompares() {
		int customers = PurchaseLimitSweep.PAGE * 2 + 500;
		Instant now = Instant.now();
		for (int i = 0; i < customers; i++) {
			this.orders.create(order("sweep-" + i, "sweeper-" + i, "XBOX-SERIES-X", 1, OrderStatus.ACCEPTED,
					"sweep-key-" + i, now), FAR_AWAY, 2, null);
		}
		this.redis.opsForValue().set(RedisKeys.purchaseLimit("sweeper-1234"), "2");
		OrderApi api = new OrderApi(this.port);

		JsonNode first = purchaseLimitCheck(api);
		java.util.regex.Matcher compared = java.util.regex.Pattern.compile("compared (\\d+) of (\\d+) customer")
			.matcher(first.get("detail").asString());
		assertThat(compared.find()).as(first.toString()).isTrue();
		assertThat(Integer.parseInt(compared.group(2))).isEqualTo(customers);
		assertThat(Integer.parseInt(compared.group(1))).isLessThan(customers);
		List<String> verdicts = new ArrayList<>(List.of(first.get("verdict").asString()));
		// an HSCAN page visits PAGE buckets of the hash, so a full pass takes a few
		// audits
		for (int audit = 0; audit < 12 && !verdicts.contains("FAIL"); audit++) {
			verdicts.add(purchaseLimitCheck(api).get("verdict").asString());
		}
		assertThat(verdicts).contains("FAIL");
		// found once, compared again on every audit until it agrees
		assertThat(purchaseLimitCheck(api).get("detail").asString()).contains("sweeper-1234 holds 1, counter says 2");
		this.redis.opsForValue().set(RedisKeys.purchaseLimit("sweeper-1234"), "1");
		assertThat(purchaseLimitCheck(api).get("verdict").asString()).isEqualTo("PASS");
	}

	private static List<String> verdicts(JsonNode audit) {
		return audit.get("checks")
			.valueStream()
			.map((check) -> check.get("name").asString() + ": " + check.get("verdict").asString())
			.toList();
	}

	private static JsonNode purchaseLimitCheck(OrderApi api) {
		return api.get("/api/audit")
			.json()
			.get("checks")
			.valueStream()
			.filter((check) -> check.get("name").asString().startsWith("purchase limit"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Creates, moves (also twice, and from the wrong status) and discards orders as the
	 * checkout modes and stock answers do, through the repository's scripts.
	 */
	private List<Order> placeMixedOrders(Random random, int count) {
		List<Order> placed = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < count; i++) {
			String key = (random.nextInt(6) == 0 && i > 0) ? "key-" + (i - 1) : "key-" + i;
			// fresh (under 30 s) or long overdue (over 400 s), never near an overdue line
			// while a test runs
			Instant createdAt = now
				.minus(Duration.ofSeconds(random.nextBoolean() ? random.nextInt(30) : 400 + random.nextInt(200)));
			List<OrderLine> lines = new ArrayList<>();
			for (String sku : SKUS) {
				if (random.nextInt(3) == 0 || (lines.isEmpty() && sku.equals(SKUS.get(SKUS.size() - 1)))) {
					lines.add(new OrderLine(sku, 1 + random.nextInt(2)));
				}
			}
			int limited = lines.stream()
				.filter((l) -> l.sku().equals("XBOX-SERIES-X"))
				.mapToInt(OrderLine::quantity)
				.sum();
			Order order = new Order("order-" + i, "customer-" + random.nextInt(count / 3), lines, OrderStatus.ACCEPTED,
					random.nextBoolean() ? CheckoutMode.SYNC : CheckoutMode.ASYNC, null, createdAt, createdAt, limited,
					key);
			if (this.orders.create(order, FAR_AWAY, 2, null).state() != OrderRepository.Creation.State.CREATED) {
				continue;
			}
			placed.add(order);
			switch (random.nextInt(6)) {
				case 0 -> {
				}
				case 1 -> this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CONFIRMED, null);
				case 2 -> this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, "sold out");
				case 3 -> this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.REJECTED,
						random.nextBoolean() ? "" : " ");
				case 4 -> this.orders.discard(order, List.of());
				default -> {
					this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CONFIRMED, null);
					this.orders.transition(order, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, "duplicate answer");
					this.orders.discard(order, List.of());
				}
			}
		}
		return placed;
	}

	private static Order order(String orderId, String customerId, String sku, int quantity, OrderStatus status,
			String key, Instant createdAt) {
		int limited = sku.equals("XBOX-SERIES-X") ? quantity : 0;
		return new Order(orderId, customerId, List.of(new OrderLine(sku, quantity)), status, CheckoutMode.ASYNC, null,
				createdAt, createdAt, limited, key);
	}

	private long discarded(List<Order> placed) {
		return placed.stream().filter((order) -> this.orders.find(order.orderId()).isEmpty()).count();
	}

	private Order acceptedOrder() {
		List<Order> accepted = new ArrayList<>();
		this.orders.forEach(500,
				(batch) -> batch.stream()
					.filter((order) -> order.status() == OrderStatus.ACCEPTED)
					.forEach(accepted::add));
		return accepted.get(0);
	}

	/** What a store written before the counters looks like: no figures, no marks. */
	private void forgetCounters() {
		this.orders.forEach(500, (batch) -> batch
			.forEach((order) -> this.redis.opsForHash().delete(RedisKeys.order(order.orderId()), "audited")));
		this.redis.delete(RedisKeys.AUDIT_FIGURES.subList(1, RedisKeys.AUDIT_FIGURES.size()));
		this.redis.delete(RedisKeys.AUDIT_COUNTED);
	}

	private ConfigurableApplicationContext restart() {
		// command-line arguments: they win over the service's application.yml
		return new SpringApplicationBuilder(OrderServiceApplication.class).run("--server.port=0",
				"--spring.data.redis.host=" + RealServers.redis().host(),
				"--spring.data.redis.port=" + RealServers.redis().port(), "--spring.data.redis.database=3",
				"--spring.kafka.bootstrap-servers=" + RealServers.kafka().bootstrapServers(),
				"--shop.order.kafka.group-id=order-audit-counters-restarted",
				// a witness of its own: the shared topic still holds earlier cases'
				// orders
				"--shop.order.kafka.ledger-topic=" + LEDGER + ".restarted", "--shop.order.async.deadline=60s",
				"--shop.order.inventory-url=" + inventory.url());
	}

	private OrderFigures figures() {
		return this.counters.read(OVERDUE_BEFORE);
	}

	private static OrderFigures withoutSamples(OrderFigures f) {
		return new OrderFigures(f.total(), f.indexed(), f.byStatus(), f.byMode(), f.confirmedUnits(), f.inFlightUnits(),
				f.accepted(), f.inFlight(), f.overdueCount(), f.overdue(), f.sharedKeyCount(), List.of(),
				f.failedWithoutReasonCount(), List.of(), f.customersHolding(), f.retired(), f.retiredConfirmedUnits());
	}

	/** The figures the auditor used to gather by walking every order. */
	private Walk walk() {
		Instant before = OVERDUE_BEFORE;
		Map<String, Long> byStatus = new TreeMap<>();
		Map<String, Map<String, Long>> byMode = new TreeMap<>();
		Map<String, Long> confirmed = new TreeMap<>();
		Map<String, Long> inFlight = new TreeMap<>();
		Map<String, Integer> keys = new HashMap<>();
		List<Order> overdue = new ArrayList<>();
		TreeSet<String> noReason = new TreeSet<>();
		Map<String, Integer> held = new HashMap<>();
		long[] total = { 0 };
		this.orders.forEach(500, (batch) -> batch.forEach((order) -> {
			total[0]++;
			String status = order.status().name();
			byStatus.merge(status, 1L, Long::sum);
			byMode.computeIfAbsent(order.mode().value(), (m) -> new TreeMap<>()).merge(status, 1L, Long::sum);
			keys.merge(order.idempotencyKey(), 1, Integer::sum);
			if (order.status().isFailed()) {
				if (order.reason() == null || order.reason().isBlank()) {
					noReason.add(order.orderId());
				}
			}
			else if (order.limitedUnits() > 0) {
				held.merge(order.customerId(), order.limitedUnits(), Integer::sum);
			}
			Map<String, Long> units = (order.status() == OrderStatus.CONFIRMED) ? confirmed
					: (order.status() == OrderStatus.ACCEPTED) ? inFlight : null;
			if (units != null) {
				order.items().forEach((line) -> units.merge(line.sku(), (long) line.quantity(), Long::sum));
			}
			if (order.status() == OrderStatus.ACCEPTED && order.createdAt().isBefore(before)) {
				overdue.add(order);
			}
		}));
		List<String> shared = keys.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 1)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		long accepted = byStatus.getOrDefault("ACCEPTED", 0L);
		OrderFigures figures = new OrderFigures(total[0], total[0], byStatus, byMode, confirmed, inFlight, accepted,
				accepted, overdue.size(),
				overdue.stream()
					.sorted(java.util.Comparator.comparing(Order::createdAt).thenComparing(Order::orderId))
					.limit(AuditCounters.SAMPLE)
					.map(Order::orderId)
					.toList(),
				shared.size(), List.of(), noReason.size(), List.of(), held.size(),
				// no order is retired here (a walk could not count one: it is gone)
				new TreeMap<>(), new TreeMap<>());
		return new Walk(figures, shared, List.copyOf(noReason));
	}

	record Walk(OrderFigures figures, List<String> sharedKeys, List<String> failedWithoutReason) {

	}

}
