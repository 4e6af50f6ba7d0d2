package dev.xboxshop.order;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.order.catalog.Catalog;
import dev.xboxshop.order.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace per request, W3C {@code traceparent} in and out: the request's trace goes on
 * into inventory over HTTP (sync) and over the outbox and Kafka (async), and a problem
 * names it.
 */
class TracingIntegrationTests extends OrderServiceIntegrationTestSupport {

	private static final Duration SETTLE = Duration.ofSeconds(20);

	@Autowired
	private Catalog catalog;

	@Test
	void publishesAnAsyncOrdersEventInTheTraceOfItsRequest() {
		String traceId = newTraceId();

		OrderApi.Response response = place(traceId, "async", OrderApi.orderJson(newCustomer(), "GAME-A", 1));

		assertThat(response.status()).isEqualTo(202);
		ConsumerRecord<String, String> record = this.kafka.awaitRecord(Topics.ORDERS_PLACED,
				(r) -> r.value().contains(response.orderId()), SETTLE);
		Header traceparent = record.headers().lastHeader("traceparent");
		assertThat(traceparent).as("traceparent header of the OrderPlaced record").isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-")
			.doesNotContain(PARENT_SPAN);
	}

	@Test
	void publishesAnEscrowSaleInTheTraceOfItsRequest() {
		String sku = "TRACED-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		inventory.product(sku, "Traced item " + sku, 1999, 10);
		assertThat(this.catalog.refresh()).isTrue();
		inventory.stock(sku, 10);
		String traceId = newTraceId();

		OrderApi.Response response = place(traceId, "escrow", OrderApi.orderJson(newCustomer(), sku, 1));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		ConsumerRecord<String, String> sale = this.kafka.awaitRecord("orders.escrowed",
				(r) -> response.orderId().equals(r.key()), SETTLE);
		Header traceparent = sale.headers().lastHeader("traceparent");
		assertThat(traceparent).as("traceparent header of the EscrowSold record").isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + traceId + "-");
	}

	@Test
	void reservesASyncOrderInTheTraceOfItsRequest() {
		String traceId = newTraceId();

		OrderApi.Response response = place(traceId, "sync", OrderApi.orderJson(newCustomer(), "GAME-A", 1));

		assertThat(response.status()).isEqualTo(201);
		assertThat(inventory.traceparents()).anyMatch((header) -> header.startsWith("00-" + traceId + "-"));
	}

	@Test
	void namesTheTraceOfItsRequestInAProblem() {
		String traceId = newTraceId();

		OrderApi.Response unknown = place(traceId, "sync", OrderApi.orderJson(newCustomer(), "NO-SUCH-SKU", 1));
		OrderApi.Response malformed = place(traceId, "sync", "{\"customerId\": ");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().get("traceId").asString()).isEqualTo(traceId);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("traceId").asString()).isEqualTo(traceId);
	}

	private static final String PARENT_SPAN = "00f067aa0ba902b7";

	private OrderApi.Response place(String traceId, String mode, String body) {
		// the customer as the gateway verified it
		HttpRequest.Builder request = OrderApi.asCustomer(this.api.request("/api/orders"), newCustomer())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", OrderApi.newKey())
			.header("X-Checkout-Mode", mode)
			.header("traceparent", "00-" + traceId + "-" + PARENT_SPAN + "-01")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return this.api.send(request);
	}

	private static String newTraceId() {
		return java.util.UUID.randomUUID().toString().replace("-", "");
	}

}
