package dev.xboxshop.order.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.xboxshop.order.InventoryStub;
import dev.xboxshop.order.KafkaTestClient;
import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.testsupport.KafkaBrokerProcess;
import dev.xboxshop.testsupport.RealRedis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox survives a broker outage: orders keep being accepted, their events wait in
 * the Redis stream, and each reaches Kafka exactly once when the broker is back. This
 * test owns its broker (to stop it) and its own Redis database (its own outbox).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.redis.database=1", "shop.order.async.deadline=5m",
				"shop.order.kafka.group-id=order-outage-test" })
@RealRedis
@DirtiesContext
class OutboxBrokerOutageIntegrationTests {

	private static final KafkaBrokerProcess broker = KafkaBrokerProcess.startOnFreePorts();

	private static final InventoryStub inventory = InventoryStub.start();

	private static final int DURING_OUTAGE = 5;

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
		registry.add("shop.order.inventory-url", inventory::url);
	}

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-outage-test-broker"));
	}

	@AfterAll
	static void stopServers(@Autowired KafkaListenerEndpointRegistry listeners, @Autowired OutboxRelay relay) {
		// the Kafka clients first, so they do not wait for a broker that is gone
		listeners.stop();
		relay.stop();
		broker.stop();
		inventory.close();
	}

	@Test
	void acceptsOrdersWhileTheBrokerIsDownAndPublishesEachExactlyOnceWhenItIsBack() {
		OrderApi api = new OrderApi(this.port);
		KafkaTestClient kafka = new KafkaTestClient(broker.bootstrapServers());
		List<String> orderIds = new ArrayList<>();
		// accepted once the service has its copy of the catalog
		orderIds.add(await().atMost(Duration.ofSeconds(60))
			.until(() -> api.place("async", OrderApi.orderJson("outage-warm-up", "GAME-A", 1)),
					(response) -> response.status() == 202)
			.orderId());
		// the relay deletes an entry only once the broker acknowledged it: the relay is
		// connected (read from Redis, not by a consumer group, whose first join on a
		// fresh broker is slow on a loaded machine)
		awaitOutboxDrained();

		broker.stop();
		for (int i = 0; i < DURING_OUTAGE; i++) {
			OrderApi.Response response = api.place("async", OrderApi.orderJson("outage-" + i, "GAME-A", 1));
			assertThat(response.status()).isEqualTo(202);
			orderIds.add(response.orderId());
		}
		// each order's event and its ledger record for the auditor's witness
		assertThat(this.redis.opsForStream().size(RedisKeys.OUTBOX)).isEqualTo(2 * DURING_OUTAGE);
		broker.start();

		awaitOutboxDrained();
		Map<String, Long> published = kafka.readAll(Topics.ORDERS_PLACED)
			.stream()
			.map(ConsumerRecord::value)
			.map((value) -> this.json.readTree(value).get("orderId").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(published).containsOnlyKeys(orderIds);
		assertThat(published.values()).containsOnly(1L);
	}

	private void awaitOutboxDrained() {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.redis.opsForStream().size(RedisKeys.OUTBOX) == 0);
	}

}
