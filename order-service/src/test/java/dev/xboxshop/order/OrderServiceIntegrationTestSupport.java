package dev.xboxshop.order;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.xboxshop.testsupport.RealKafka;
import dev.xboxshop.testsupport.RealRedis;
import dev.xboxshop.testsupport.RealServers;

/**
 * The one application context most integration tests share: real Redis, a real Kafka
 * broker, and a stand-in for inventory's HTTP API. Short timeouts keep the tests quick;
 * each test uses its own customers, so tests do not see each other's orders.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.order.sync.timeout=500ms", "shop.order.sync.deadline=5s",
				"resilience4j.circuitbreaker.instances.inventory.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.inventory.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.inventory.wait-duration-in-open-state=10s",
				"shop.order.async.deadline=8s" })
@RealRedis
@RealKafka
public abstract class OrderServiceIntegrationTestSupport {

	protected static final InventoryStub inventory = InventoryStub.start();

	@LocalServerPort
	private int port;

	@Autowired
	protected StringRedisTemplate redis;

	@Autowired
	protected CircuitBreaker inventoryCircuitBreaker;

	protected OrderApi api;

	protected KafkaTestClient kafka;

	@DynamicPropertySource
	static void inventoryUrl(DynamicPropertyRegistry registry) {
		registry.add("shop.order.inventory-url", inventory::url);
	}

	@BeforeEach
	void connect() {
		this.api = new OrderApi(this.port);
		this.kafka = new KafkaTestClient(RealServers.kafka().bootstrapServers());
		inventory.reset();
		// tests that make inventory fail must not open the breaker for the next test
		this.inventoryCircuitBreaker.reset();
	}

	protected static String newCustomer() {
		return "customer-" + java.util.UUID.randomUUID();
	}

}
