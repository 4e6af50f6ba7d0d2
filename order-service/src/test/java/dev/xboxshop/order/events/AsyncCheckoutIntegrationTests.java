package dev.xboxshop.order.events;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.ConsumerFactory;

import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;
import dev.xboxshop.order.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Async checkout end to end through a real broker: the test plays inventory, reading
 * {@code orders.placed} and answering on {@code stock.reserved} / {@code stock.rejected}.
 */
class AsyncCheckoutIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final Duration SETTLE = Duration.ofSeconds(20);

	private static final String APOLOGY = "Sold out after your order was accepted; you will not be charged.";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aKilledReplicasPartitionsMoveToTheOthersWithinTenSeconds(@Autowired ConsumerFactory<?, ?> consumers) {
		// Kafka's default 45 s would hold a killed replica's orders most of their 60 s
		// deadline
		assertThat(consumers.getConfigurationProperties())
			.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000")
			.containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
	}

	@Test
	void acceptsAtOnceAndPublishesOrderPlacedKeyedBySku() {
		String customer = newCustomer();

		OrderApi.Response response = this.api.place("async", OrderApi.orderJson(customer, "XBOX-SERIES-X", 1));

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(response.json().get("mode").asString()).isEqualTo("async");
		ConsumerRecord<String, String> record = this.kafka.awaitRecord(Topics.ORDERS_PLACED,
				(r) -> r.value().contains(response.orderId()), SETTLE);
		JsonNode event = this.json.readTree(record.value());
		assertThat(record.key()).isEqualTo("XBOX-SERIES-X");
		assertThat(event.get("orderId").asString()).isEqualTo(response.orderId());
		assertThat(event.get("customerId").asString()).isEqualTo(customer);
		assertThat(event.get("eventId").asString()).isNotBlank();
		assertThat(event.get("occurredAt").asString()).endsWith("Z");
		assertThat(event.get("items").get(0).get("quantity").asInt()).isEqualTo(1);
		assertThat(record.headers().lastHeader("__TypeId__")).isNull();
	}

	@Test
	void confirmsWhenStockIsReservedAndIgnoresTheDuplicate() {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();

		this.kafka.stockReserved(orderId, "GAME-A", 1);
		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CONFIRMED"));
		String confirmed = this.api.order(orderId).toString();

		RecordMetadata duplicate = this.kafka.stockReserved(orderId, "GAME-A", 1);
		RecordMetadata contradiction = this.kafka.stockRejected(orderId, "GAME-A");
		this.kafka.awaitConsumed("order-service", duplicate, SETTLE);
		this.kafka.awaitConsumed("order-service", contradiction, SETTLE);

		assertThat(this.api.order(orderId).toString()).isEqualTo(confirmed);
	}

	@Test
	void cancelsWithAnApologyWhenStockIsRejected() {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "XBOX-SERIES-X", 1)).orderId();

		this.kafka.stockRejected(orderId, "XBOX-SERIES-X");

		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CANCELLED"));
		assertThat(this.api.order(orderId).get("reason").asString()).isEqualTo(APOLOGY);
	}

	@Test
	void cancelsWithTheReasonWhenStockIsRejectedForAnythingButSoldOut() {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();

		this.kafka.stockRejected(orderId, "GAME-A", "unknown product");

		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CANCELLED"));
		assertThat(this.api.order(orderId).get("reason").asString())
			.isEqualTo("We could not reserve this order (unknown product); you will not be charged.");
	}

	@Test
	void sendsPoisonRecordsToTheDeadLetterTopicAndKeepsConsuming() {
		String poisonKey = "poison-" + OrderApi.newKey();
		this.kafka.publish(Topics.STOCK_RESERVED, poisonKey, "this is not json");
		this.kafka.publish(Topics.STOCK_RESERVED, poisonKey, "{\"eventId\":\"e-1\",\"items\":[]}");
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();

		this.kafka.stockReserved(orderId, "GAME-A", 1);

		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CONFIRMED"));
		ConsumerRecord<String, String> unreadable = this.kafka.awaitRecord(Topics.deadLetter(Topics.STOCK_RESERVED),
				(r) -> poisonKey.equals(r.key()) && r.value().equals("this is not json"), SETTLE);
		ConsumerRecord<String, String> orderless = this.kafka.awaitRecord(Topics.deadLetter(Topics.STOCK_RESERVED),
				(r) -> poisonKey.equals(r.key()) && r.value().contains("e-1"), SETTLE);
		assertThat(unreadable.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		assertThat(orderless.headers().lastHeader("kafka_dlt-original-topic").value())
			.isEqualTo(Topics.STOCK_RESERVED.getBytes());
	}

	@Test
	void retriesAnAnswerWhileRedisFailsInsteadOfDeadLetteringIt() throws Exception {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();
		String hash = RedisKeys.order(orderId);
		String aside = hash + ":aside";
		this.redis.rename(hash, aside);
		// every read of the order now fails with WRONGTYPE, as a store failure would
		this.redis.opsForValue().set(hash, "not an order");

		RecordMetadata answer = this.kafka.stockReserved(orderId, "GAME-A", 1);

		// bounded retries would have given up (and dead-lettered) within about a second
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> !this.kafka.consumed("order-service", answer));
		this.redis.rename(aside, hash); // the store recovers (RENAME replaces the string)
		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CONFIRMED"));
		assertThat(this.kafka.readAll(Topics.deadLetter(Topics.STOCK_RESERVED)))
			.noneMatch((record) -> orderId.equals(record.key()));
	}

	@Test
	void publishesEntriesAReplicaReadButNeverPublishedOnceTheyAreIdleFor20Seconds() {
		String orderId = "abandoned-" + OrderApi.newKey();
		// a replica that is gone read the entry and has not touched it for 21 s
		this.redis.execute(RedisScript.of("""
				local id = redis.call('XADD', KEYS[1], '*', 'orderId', ARGV[1], 'key', 'GAME-A',
				  'payload', '{"orderId":"' .. ARGV[1] .. '"}')
				redis.call('XREADGROUP', 'GROUP', ARGV[2], 'gone-replica', 'STREAMS', KEYS[1], '>')
				redis.call('XCLAIM', KEYS[1], ARGV[2], 'gone-replica', 0, id, 'IDLE', 21000)
				return id
				""", String.class), List.of(RedisKeys.OUTBOX), orderId, OutboxRelay.GROUP);

		ConsumerRecord<String, String> record = this.kafka.awaitRecord(Topics.ORDERS_PLACED,
				(r) -> r.value().contains(orderId), Duration.ofSeconds(10));

		assertThat(record.key()).isEqualTo("GAME-A");
	}

	@Test
	void publishesTheEntriesOfARelayThatStoppedBeforeAnEscrowLeaseWouldGiveItsUnitsBack() {
		String orderId = "stopped-" + OrderApi.newKey();
		// a replica read the entry, then was killed before publishing it
		this.redis.execute(RedisScript.of("""
				redis.call('XADD', KEYS[1], '*', 'orderId', ARGV[1], 'key', 'GAME-A',
				  'payload', '{"orderId":"' .. ARGV[1] .. '"}')
				redis.call('XREADGROUP', 'GROUP', ARGV[2], 'killed-replica', 'STREAMS', KEYS[1], '>')
				return 1
				""", Long.class), List.of(RedisKeys.OUTBOX), orderId, OutboxRelay.GROUP);

		// within inventory's lease expiry (5 s) and reclaim grace (5 s): an escrow sale
		// in
		// that entry reaches inventory while its lease still holds the unit
		ConsumerRecord<String, String> record = this.kafka.awaitRecord(Topics.ORDERS_PLACED,
				(r) -> r.value().contains(orderId), Duration.ofSeconds(10));

		assertThat(record.key()).isEqualTo("GAME-A");
	}

	@Test
	void cancelsAnUnansweredOrderAtTheDeadlineAndReleasesItsStock() {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();
		inventory.reserveDirectly(orderId, "GAME-A", 1); // inventory reserved, but its
															// answer never came

		await().atMost(Duration.ofSeconds(30)).until(() -> this.api.status(orderId).equals("CANCELLED"));

		assertThat(this.api.order(orderId).get("reason").asString()).contains("in time");
		await().atMost(SETTLE).untilAsserted(() -> assertThat(inventory.status(orderId)).isEqualTo("RELEASED"));
		assertThat(inventory.available("GAME-A")).isEqualTo(1000);
	}

	@Test
	void givesBackStockReservedForAnOrderNoStoreHolds() {
		// an OrderPlaced no order-service wrote (or whose order the store lost) was
		// booked
		String orderId = "never-stored-" + OrderApi.newKey();
		inventory.reserveDirectly(orderId, "GAME-A", 1);
		assertThat(inventory.available("GAME-A")).isEqualTo(999);

		this.kafka.stockReserved(orderId, "GAME-A", 1);

		await().atMost(SETTLE).untilAsserted(() -> assertThat(inventory.status(orderId)).isEqualTo("RELEASED"));
		assertThat(inventory.available("GAME-A")).isEqualTo(1000);
		assertThat(this.api.get("/api/orders/" + orderId).status()).isEqualTo(404);
	}

	@Test
	void releasesStockReservedForAnOrderAlreadyCancelled() {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();
		this.kafka.stockRejected(orderId, "GAME-A");
		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CANCELLED"));
		inventory.reserveDirectly(orderId, "GAME-A", 1);

		this.kafka.stockReserved(orderId, "GAME-A", 1);

		await().atMost(SETTLE).untilAsserted(() -> assertThat(inventory.status(orderId)).isEqualTo("RELEASED"));
		assertThat(this.api.status(orderId)).isEqualTo("CANCELLED");
	}

	@Test
	void streamsStatusChangesAndEndsOnTheFinalOne() throws Exception {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();
		CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = this.api.client()
			.sendAsync(this.api.request("/api/orders/" + orderId + "/events")
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		HttpResponse<java.util.stream.Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
		CompletableFuture<List<String>> lines = CompletableFuture
			.supplyAsync(() -> response.body().filter((line) -> line.startsWith("data:")).toList());

		this.kafka.stockReserved(orderId, "GAME-A", 1);

		List<String> data = lines.get(30, TimeUnit.SECONDS); // completes only when the
																// server ends the stream
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		assertThat(data).hasSize(2);
		assertThat(data.get(0)).contains("\"ACCEPTED\"");
		assertThat(data.get(1)).contains("\"CONFIRMED\"");
	}

}
