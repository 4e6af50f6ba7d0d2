package dev.xboxshop.inventory.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import dev.xboxshop.inventory.InventoryIntegrationTest;
import dev.xboxshop.inventory.TestProducts;
import dev.xboxshop.inventory.catalog.StockLevel;
import dev.xboxshop.inventory.reservation.Reservation;
import dev.xboxshop.inventory.reservation.ReservationStatus;
import dev.xboxshop.inventory.reservation.Reservations;
import dev.xboxshop.inventory.warehouse.Chaos;
import dev.xboxshop.inventory.warehouse.ChaosSwitch;
import dev.xboxshop.inventory.warehouse.Warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Async checkout from inventory's side, over a real broker and real Redis.
 */
@InventoryIntegrationTest
class OrderPlacedIntegrationTests {

	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private TestProducts products;

	@Autowired
	private Reservations reservations;

	@Autowired
	private ChaosSwitch chaos;

	@Autowired
	private JsonMapper json;

	@Autowired
	private Warehouse warehouse;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private Environment environment;

	private TopicReader reader;

	@BeforeEach
	void openReader() {
		this.reader = new TopicReader(this.environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
				Topics.STOCK_RESERVED, Topics.STOCK_REJECTED, Topics.ORDERS_PLACED_DLT);
	}

	@AfterEach
	void closeReaderAndCalmTheWarehouse() {
		this.chaos.set(Chaos.NONE);
		this.reader.close();
	}

	@Test
	void aKilledReplicasPartitionsMoveToTheOthersWithinTenSeconds(@Autowired ConsumerFactory<?, ?> consumers) {
		// Kafka's default 45 s would hold a killed replica's orders most of their 60 s
		// deadline
		assertThat(consumers.getConfigurationProperties())
			.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000")
			.containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
	}

	@Test
	void reservesOnceAndAnswersBothDeliveriesOfTheSameOrderAlike() throws Exception {
		String sku = this.products.create(10, 2);
		String orderId = TestProducts.orderId();
		String event = orderPlaced(orderId, sku, 2);

		this.kafka.send(Topics.ORDERS_PLACED, sku, event).get();
		this.kafka.send(Topics.ORDERS_PLACED, sku, event).get();

		List<ConsumerRecord<String, String>> answers = await().atMost(ANSWER_WITHIN)
			.until(() -> this.reader.keyed(orderId), (records) -> records.size() >= 2);
		assertThat(answers).hasSize(2)
			.allSatisfy((answer) -> assertThat(answer.topic()).isEqualTo(Topics.STOCK_RESERVED));
		JsonNode first = this.json.readTree(answers.get(0).value());
		JsonNode second = this.json.readTree(answers.get(1).value());
		assertThat(first.path("eventId").asString()).isEqualTo(second.path("eventId").asString()).isNotBlank();
		assertThat(first.path("orderId").asString()).isEqualTo(orderId);
		assertThat(first.path("items")).isEqualTo(second.path("items"));
		assertThat(first.path("items").get(0).path("sku").asString()).isEqualTo(sku);
		assertThat(first.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
		StockLevel level = this.products.level(sku);
		assertThat(level.reserved()).isEqualTo(2);
		assertThat(level.available()).isEqualTo(8);
		assertThat(level.conserved()).isTrue();
	}

	@Test
	void rejectsAnOrderWhenSoldOut() throws Exception {
		String sku = this.products.create(1, 2);
		this.reservations.reserve(TestProducts.orderId(), sku, 1);
		String orderId = TestProducts.orderId();

		this.kafka.send(Topics.ORDERS_PLACED, sku, orderPlaced(orderId, sku, 1)).get();

		ConsumerRecord<String, String> answer = awaitAnswer(orderId);
		assertThat(answer.topic()).isEqualTo(Topics.STOCK_REJECTED);
		JsonNode rejected = this.json.readTree(answer.value());
		assertThat(rejected.path("orderId").asString()).isEqualTo(orderId);
		assertThat(rejected.path("sku").asString()).isEqualTo(sku);
		assertThat(rejected.path("reason").asString()).isEqualTo("sold out");
		assertThat(this.products.level(sku).reserved()).isEqualTo(1);
	}

	@Test
	void releasesTheLinesAlreadyHeldWhenALaterLineIsSoldOut() throws Exception {
		String plenty = this.products.create("TEST-A-", 5, 2);
		String none = this.products.create("TEST-Z-", 0, 2);
		String orderId = TestProducts.orderId();
		String event = "{\"eventId\":\"" + UUID.randomUUID()
				+ "\",\"occurredAt\":\"2025-11-20T10:15:30Z\",\"orderId\":\"" + orderId
				+ "\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"" + none + "\",\"quantity\":1},{\"sku\":\"" + plenty
				+ "\",\"quantity\":2}]}";

		this.kafka.send(Topics.ORDERS_PLACED, plenty, event).get();

		ConsumerRecord<String, String> answer = awaitAnswer(orderId);
		assertThat(answer.topic()).isEqualTo(Topics.STOCK_REJECTED);
		assertThat(this.json.readTree(answer.value()).path("sku").asString()).isEqualTo(none);
		assertThat(this.products.level(plenty).available()).isEqualTo(5);
		assertThat(this.products.level(plenty).reserved()).isZero();
		assertThat(this.reservations.find(orderId)).extracting(Reservation::sku, Reservation::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(plenty, ReservationStatus.RELEASED),
					org.assertj.core.groups.Tuple.tuple(none, ReservationStatus.REJECTED));
	}

	@Test
	void sendsAPoisonRecordToTheDeadLetterTopicAndKeepsServingItsPartition() throws Exception {
		String sku = this.products.create(5, 2);
		String poison = "this is not JSON " + UUID.randomUUID();
		String orderId = TestProducts.orderId();

		this.kafka.send(Topics.ORDERS_PLACED, sku, poison).get();
		this.kafka.send(Topics.ORDERS_PLACED, sku, orderPlaced(orderId, sku, 1)).get();

		ConsumerRecord<String, String> dead = await().atMost(ANSWER_WITHIN)
			.until(() -> this.reader.records((record) -> poison.equals(record.value())),
					(records) -> !records.isEmpty())
			.get(0);
		assertThat(dead.topic()).isEqualTo(Topics.ORDERS_PLACED_DLT);
		assertThat(dead.key()).isEqualTo(sku);
		assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-fqcn").value(), StandardCharsets.UTF_8))
			.isNotBlank();
		assertThat(awaitAnswer(orderId).topic()).isEqualTo(Topics.STOCK_RESERVED);
		assertThat(this.products.level(sku).reserved()).isEqualTo(1);
	}

	@Test
	void holdsAnOrderWhileTheWarehouseIsDownAndSettlesItAfterRecovery() throws Exception {
		String sku = this.products.create(5, 2);
		String orderId = TestProducts.orderId();
		this.chaos.set(new Chaos(0, 0, true));

		this.kafka.send(Topics.ORDERS_PLACED, sku, orderPlaced(orderId, sku, 1)).get();

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.reader.keyed(orderId).isEmpty() && this.products.level(sku).available() == 5);
		this.chaos.set(Chaos.NONE);
		assertThat(awaitAnswer(orderId).topic()).isEqualTo(Topics.STOCK_RESERVED);
		assertThat(this.products.level(sku).reserved()).isEqualTo(1);
	}

	@Test
	void booksABurstFirstComeFirstServedWithFarFewerWarehouseTripsThanOrders() throws Exception {
		String sku = this.products.create(100, 2);
		List<String> orderIds = new ArrayList<>();
		MessageListenerContainer listener = this.listeners.getListenerContainer("inventory-orders-placed");
		long tripsBefore = this.warehouse.trips();
		listener.stop();
		try {
			List<CompletableFuture<?>> sends = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				String orderId = TestProducts.orderId();
				orderIds.add(orderId);
				sends.add(this.kafka.send(Topics.ORDERS_PLACED, sku, orderPlaced(orderId, sku, 1)));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		finally {
			listener.start();
		}

		Map<String, String> topics = await().atMost(ANSWER_WITHIN)
			.until(() -> answerTopics(orderIds), (answers) -> answers.size() == orderIds.size());
		// one key, one partition: arrival order is send order, so the first 100 win
		assertThat(orderIds.subList(0, 100))
			.allSatisfy((id) -> assertThat(topics).containsEntry(id, Topics.STOCK_RESERVED));
		assertThat(orderIds.subList(100, 300))
			.allSatisfy((id) -> assertThat(topics).containsEntry(id, Topics.STOCK_REJECTED));
		assertThat(this.warehouse.trips() - tripsBefore).isLessThan(100);
		StockLevel level = this.products.level(sku);
		assertThat(level.available()).isZero();
		assertThat(level.reserved()).isEqualTo(100);
		assertThat(level.conserved()).isTrue();
	}

	/** The topic of the first answer to each of the orders answered so far. */
	private Map<String, String> answerTopics(List<String> orderIds) {
		Set<String> wanted = new HashSet<>(orderIds);
		Map<String, String> topics = new HashMap<>();
		this.reader.records((record) -> wanted.contains(record.key()))
			.forEach((record) -> topics.putIfAbsent(record.key(), record.topic()));
		return topics;
	}

	@Test
	void refusesAnOrderPastItsDeadlineAtOnceWithoutTheWarehouse() throws Exception {
		String sku = this.products.create(5, 2);
		String orderId = TestProducts.orderId();
		this.chaos.set(new Chaos(0, 0, true));

		this.kafka.send(Topics.ORDERS_PLACED, sku, orderPlaced(orderId, sku, 1, Instant.now().minusSeconds(1))).get();

		ConsumerRecord<String, String> answer = awaitAnswer(orderId);
		assertThat(answer.topic()).isEqualTo(Topics.STOCK_REJECTED);
		assertThat(this.json.readTree(answer.value()).path("reason").asString()).isEqualTo("deadline passed");
		assertThat(this.products.level(sku).available()).isEqualTo(5);
	}

	@Test
	void answersARedeliveredOrderPastItsDeadlineWithItsFirstOutcome() throws Exception {
		String sku = this.products.create(5, 2);
		String orderId = TestProducts.orderId();
		this.reservations.reserve(orderId, sku, 1);

		this.kafka.send(Topics.ORDERS_PLACED, sku, orderPlaced(orderId, sku, 1, Instant.now().minusSeconds(1))).get();

		assertThat(awaitAnswer(orderId).topic()).isEqualTo(Topics.STOCK_RESERVED);
		assertThat(this.products.level(sku).reserved()).isEqualTo(1);
	}

	private ConsumerRecord<String, String> awaitAnswer(String orderId) {
		return await().atMost(ANSWER_WITHIN)
			.until(() -> this.reader.keyed(orderId), (records) -> !records.isEmpty())
			.get(0);
	}

	private static String orderPlaced(String orderId, String sku, int quantity) {
		return orderPlaced(orderId, sku, quantity, Instant.now().plusSeconds(60));
	}

	private static String orderPlaced(String orderId, String sku, int quantity, Instant deadline) {
		return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2025-11-20T10:15:30Z\",\"orderId\":\""
				+ orderId + "\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity
				+ "}],\"deadline\":\"" + deadline + "\"}";
	}

}
