package dev.xboxshop.order;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.xboxshop.testsupport.PrometheusScrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} after real checkouts: the checkout histogram per mode and
 * outcome, orders by mode and status (from the auditor's counters), apologies by a
 * bounded reason, the booking backlog and the Kafka consumers' lag.
 */
class PrometheusIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final Duration SETTLE = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Test
	void servesThePrometheusTextFormat() {
		PrometheusScrape scrape = scrape();

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.contentType()).startsWith("text/plain");
		assertThat(scrape.body()).contains("# TYPE shop_booking_backlog_orders gauge");
	}

	@Test
	void publishesACheckoutLatencyHistogramPerModeAndOutcome() {
		double before = scrape().valueOrZero("shop_checkout_seconds_count", "mode", "async", "outcome", "accepted");

		assertThat(this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(202);
		assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(201);

		PrometheusScrape scrape = scrape();
		assertThat(scrape.valueOrZero("shop_checkout_seconds_count", "mode", "async", "outcome", "accepted"))
			.isEqualTo(before + 1);
		assertThat(scrape.samples("shop_checkout_seconds_bucket", "mode", "async", "outcome", "accepted"))
			.hasSizeGreaterThan(10)
			.anySatisfy((bucket) -> assertThat(bucket.labels()).containsEntry("le", "+Inf"));
		assertThat(scrape.samples("shop_checkout_seconds_bucket", "mode", "sync", "outcome", "confirmed")).isNotEmpty();
	}

	@Test
	void countsOrdersByModeAndStatusAsTheAuditorCountsThem() {
		double before = scrape().valueOrZero("shop_orders", "mode", "sync", "status", "CONFIRMED");

		assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(201);

		await().atMost(SETTLE)
			.untilAsserted(() -> assertThat(scrape().valueOrZero("shop_orders", "mode", "sync", "status", "CONFIRMED"))
				.isGreaterThanOrEqualTo(before + 1));
		PrometheusScrape scrape = scrape();
		for (CheckoutMode mode : CheckoutMode.values()) {
			for (OrderStatus status : OrderStatus.values()) {
				assertThat(scrape.value("shop_orders", "mode", mode.value(), "status", status.name()))
					.as("shop_orders{mode=%s,status=%s}", mode.value(), status)
					.isPresent();
			}
		}
	}

	@Test
	void countsApologiesByABoundedReasonNeverByOrder() {
		double soldOut = apologies("async", "CANCELLED", "sold_out");
		double other = apologies("async", "CANCELLED", "other");
		String first = this.api.place("async", OrderApi.orderJson(newCustomer(), "XBOX-SERIES-X", 1)).orderId();
		String second = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();

		this.kafka.stockRejected(first, "XBOX-SERIES-X");
		this.kafka.stockRejected(second, "GAME-A", "unknown product, said the warehouse at 12:00");

		await().atMost(SETTLE).until(() -> this.api.status(first).equals("CANCELLED"));
		await().atMost(SETTLE).until(() -> this.api.status(second).equals("CANCELLED"));
		assertThat(apologies("async", "CANCELLED", "sold_out")).isEqualTo(soldOut + 1);
		assertThat(apologies("async", "CANCELLED", "other")).isEqualTo(other + 1);
		assertThat(scrape().body()).doesNotContain(first).doesNotContain(second).doesNotContain("12:00");
	}

	@Test
	void countsASyncRefusalApartFromAnAsyncApology() {
		inventory.stock("GAME-RARE", 0);
		double before = apologies("sync", "REJECTED", "sold_out");

		assertThat(this.api.place("sync", OrderApi.orderJson(newCustomer(), "GAME-RARE", 1)).status()).isEqualTo(409);

		assertThat(apologies("sync", "REJECTED", "sold_out")).isEqualTo(before + 1);
	}

	@Test
	void exposesTheBookingBacklogAndTheConsumersLag() {
		String orderId = this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).orderId();
		this.kafka.stockReserved(orderId, "GAME-A", 1);
		await().atMost(SETTLE).until(() -> this.api.status(orderId).equals("CONFIRMED"));

		await().atMost(SETTLE).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.value("shop_booking_backlog_orders")).isPresent();
			assertThat(scrape.value("shop_booking_rate")).isPresent();
			assertThat(scrape.value("shop_booking_projected_wait_seconds")).isPresent();
			assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
		});
	}

	@Test
	void showsThisReplicasEscrowLeasesByState() {
		inventory.stock("PAD", 50);
		double soldBefore = scrape().valueOrZero("shop_escrow_quota_units", "state", "sold");

		assertThat(this.api.place("escrow", OrderApi.orderJson(newCustomer(), "PAD", 2)).status()).isEqualTo(201);

		await().atMost(SETTLE).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.valueOrZero("shop_escrow_quota_units", "state", "sold"))
				.isGreaterThanOrEqualTo(soldBefore + 2);
			assertThat(scrape.valueOrZero("shop_escrow_quota_units", "state", "granted"))
				.isGreaterThanOrEqualTo(scrape.valueOrZero("shop_escrow_quota_units", "state", "sold"));
		});
		assertThat(scrape().value("shop_escrow_quota_units", "state", "left")).isPresent();
	}

	@Test
	void timesHowLongAnOrderIsKnownOnlyToTheStore() {
		double ledger = scrape().valueOrZero("shop_outbox_relay_delay_seconds_count", "record", "ledger");
		double events = scrape().valueOrZero("shop_outbox_relay_delay_seconds_count", "record", "event");

		assertThat(this.api.place("async", OrderApi.orderJson(newCustomer(), "GAME-A", 1)).status()).isEqualTo(202);

		// the order's ledger record for the witness and its OrderPlaced event, both
		// relayed
		await().atMost(SETTLE).untilAsserted(() -> {
			PrometheusScrape scrape = scrape();
			assertThat(scrape.valueOrZero("shop_outbox_relay_delay_seconds_count", "record", "ledger"))
				.isGreaterThanOrEqualTo(ledger + 1);
			assertThat(scrape.valueOrZero("shop_outbox_relay_delay_seconds_count", "record", "event"))
				.isGreaterThanOrEqualTo(events + 1);
		});
		assertThat(scrape().samples("shop_outbox_relay_delay_seconds_bucket", "record", "ledger"))
			.hasSizeGreaterThan(10);
	}

	private double apologies(String mode, String status, String reason) {
		return scrape().valueOrZero("shop_apologies_total", "mode", mode, "status", status, "reason", reason);
	}

	private PrometheusScrape scrape() {
		return PrometheusScrape.of(this.port);
	}

}
