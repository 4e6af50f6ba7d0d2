package dev.xboxshop.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import dev.xboxshop.testsupport.PrometheusScrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} after real reservations: warehouse trips, the sizes of the
 * batches handed to the warehouse (sync group commit, async polls of
 * {@code orders.placed}) and the consumers' lag.
 */
@InventoryIntegrationTest
class PrometheusIntegrationTests {

	private static final Duration SETTLE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	Http http;

	@Autowired
	TestProducts products;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void countsWarehouseTripsAndSyncBatchSizes() {
		String sku = this.products.create(10, 2);
		PrometheusScrape before = scrape();

		assertThat(this.http
			.postJson("/api/reservations",
					"{\"orderId\":\"" + TestProducts.orderId() + "\",\"sku\":\"" + sku + "\",\"quantity\":1}")
			.statusCode()).isEqualTo(201);

		PrometheusScrape after = scrape();
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.valueOrZero("shop_warehouse_trips_total"))
			.isGreaterThanOrEqualTo(before.valueOrZero("shop_warehouse_trips_total") + 1);
		assertThat(after.valueOrZero("shop_warehouse_batch_requests_count", "path", "sync"))
			.isGreaterThanOrEqualTo(before.valueOrZero("shop_warehouse_batch_requests_count", "path", "sync") + 1);
		assertThat(after.samples("shop_warehouse_batch_requests_bucket", "path", "sync")).isNotEmpty();
	}

	@Test
	void recordsTheSizeOfEachBatchOfPlacedOrdersAndTheConsumersLag() throws Exception {
		String sku = this.products.create(10, 2);
		double batches = scrape().valueOrZero("shop_warehouse_batch_requests_count", "path", "async");
		double orders = scrape().valueOrZero("shop_warehouse_batch_requests_sum", "path", "async");

		this.kafka.send("orders.placed", sku, orderPlaced(TestProducts.orderId(), sku)).get();

		await().atMost(SETTLE).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.valueOrZero("shop_warehouse_batch_requests_count", "path", "async"))
				.isGreaterThanOrEqualTo(batches + 1);
			assertThat(scrape.valueOrZero("shop_warehouse_batch_requests_sum", "path", "async"))
				.isGreaterThanOrEqualTo(orders + 1);
			assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
		});
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of(this.port);
	}

	private static String orderPlaced(String orderId, String sku) {
		return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"orderId\":\""
				+ orderId + "\",\"customerId\":\"c-1\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
				+ "\"deadline\":\"" + Instant.now().plusSeconds(60) + "\"}";
	}

}
