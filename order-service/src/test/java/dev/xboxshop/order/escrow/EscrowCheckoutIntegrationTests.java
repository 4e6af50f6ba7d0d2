package dev.xboxshop.order.escrow;

import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderApi.Response;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;
import dev.xboxshop.order.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escrow checkout against real Redis and a real broker, with inventory's lease API
 * stubbed: orders are confirmed from this replica's quota, a dry quota is refilled in one
 * trip, and sold out is said only when nothing is left anywhere.
 */
class EscrowCheckoutIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Autowired
	private EscrowQuotas quotas;

	@Autowired
	private LeaseKeeper keeper;

	@Autowired
	private LeaseClient leases;

	@Autowired
	private JsonMapper json;

	@Autowired
	private Catalog catalog;

	@Test
	void confirmsAtOnceFromTheQuotaWithoutAStockCallAndWritesTheSaleToTheOutbox() {
		String sku = newSku();
		inventory.stock(sku, 50);
		Response first = buy(newCustomer(), sku, 1);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		// the quota covers the next order: inventory is not needed for it at all
		inventory.down(true);
		Response second = buy(newCustomer(), sku, 2);
		inventory.down(false);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(second.json().get("mode").asString()).isEqualTo("escrow");
		assertThat(inventory.reserveCalls()).isEmpty();
		ConsumerRecord<String, String> sale = this.kafka.awaitRecord(EscrowQuotas.TOPIC,
				(record) -> second.orderId().equals(record.key()), Duration.ofSeconds(30));
		JsonNode event = this.json.readTree(sale.value());
		assertThat(event.get("replicaId").asString()).isEqualTo(this.keeper.replicaId());
		assertThat(event.get("items").get(0).get("sku").asString()).isEqualTo(sku);
		assertThat(event.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(event.get("items").get(0).get("replicaId").asString()).isEqualTo(this.keeper.replicaId());
	}

	@Test
	void sellsEveryUnitAndSaysSoldOutOnlyWhenQuotaAndStockAreEmpty() {
		String sku = newSku();
		inventory.stock(sku, 3);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(buy(newCustomer(), sku, 1).status());
		}
		assertThat(statuses).containsExactly(201, 201, 201, 409, 409);
		Response soldOut = buy(newCustomer(), sku, 1);
		assertThat(soldOut.problemType()).endsWith("/sold-out");
		assertThat(this.api.order(soldOut.orderId()).get("status").asString()).isEqualTo("REJECTED");
		assertThat(inventory.available(sku)).isZero();
	}

	@Test
	void saysSoldOutWithoutCallingInventoryOnceInventorySaidItHasNoneLeft() {
		String sku = newSku();
		inventory.stock(sku, 1);
		assertThat(buy(newCustomer(), sku, 1).status()).isEqualTo(201);
		assertThat(buy(newCustomer(), sku, 1).status()).isEqualTo(409);
		int leaseCalls = inventory.leaseCalls().size();
		inventory.down(true);
		Response soldOut = buy(newCustomer(), sku, 1);
		inventory.down(false);
		assertThat(soldOut.status()).as(soldOut.body()).isEqualTo(409);
		assertThat(inventory.leaseCalls()).hasSize(leaseCalls);
	}

	@Test
	void borrowsFromAnotherLiveReplicasQuotaBeforeSayingSoldOut() {
		String sku = newSku();
		inventory.stock(sku, 2);
		this.quotas.adopt(this.leases.grant(sku, "other-replica", 2, 0), "other-replica");
		assertThat(buy(newCustomer(), sku, 1).status()).isEqualTo(201);
		assertThat(buy(newCustomer(), sku, 1).status()).isEqualTo(201);
		assertThat(buy(newCustomer(), sku, 1).status()).isEqualTo(409);
		assertThat(this.quotas.sold(sku, "other-replica")).isEqualTo(2);
	}

	@Test
	void confirmsExactlyTheStockToConcurrentBuyersAndRefillsInBatches() throws Exception {
		String sku = newSku();
		inventory.stock(sku, 40);
		ExecutorService buyers = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				answers.add(buyers.submit(() -> buy(newCustomer(), sku, 1).status()));
			}
			int confirmed = 0;
			int soldOut = 0;
			for (Future<Integer> answer : answers) {
				int status = answer.get();
				confirmed += (status == 201) ? 1 : 0;
				soldOut += (status == 409) ? 1 : 0;
			}
			assertThat(confirmed).isEqualTo(40);
			assertThat(soldOut).isEqualTo(160);
		}
		finally {
			buyers.shutdownNow();
		}
		assertThat(this.quotas.sold(sku, this.keeper.replicaId())).isEqualTo(40);
		assertThat(inventory.leaseCalls().stream().filter((call) -> call.startsWith("PUT " + sku)).count())
			.isGreaterThan(1);
	}

	@Test
	void everyBuyerWaitingOnAFailedRefillIsToldTheWarehouseIsUnavailable() throws Exception {
		String sku = newSku();
		inventory.stock(sku, 40);
		inventory.down(true);
		inventory.holdReservations();
		ExecutorService buyers = Executors.newFixedThreadPool(6);
		try {
			List<Future<OrderApi.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String customer = "dry-" + i;
				answers.add(buyers.submit(() -> this.api.place("escrow", OrderApi.orderJson(customer, sku, 1))));
			}
			// one refill under way, the other buyers waiting on it
			await().atMost(Duration.ofSeconds(20)).until(() -> inventory.held() == 1);
			Thread.sleep(500);
			inventory.letGo();

			for (Future<OrderApi.Response> answer : answers) {
				OrderApi.Response response = answer.get(30, TimeUnit.SECONDS);
				assertThat(response.status()).as(response.body()).isEqualTo(503);
				assertThat(response.body()).contains("warehouse-unavailable");
			}
		}
		finally {
			inventory.letGo();
			inventory.down(false);
			buyers.shutdownNow();
		}
	}

	@Test
	void aRetryWithTheSameKeyTakesUnitsOnce() {
		String sku = newSku();
		inventory.stock(sku, 10);
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(newCustomer(), sku, 2);
		Response first = this.api.place(key, "escrow", body);
		Response again = this.api.place(key, "escrow", body);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.orderId()).isEqualTo(first.orderId());
		assertThat(this.quotas.sold(sku, this.keeper.replicaId())).isEqualTo(2);
	}

	@Test
	void aStoppingReplicaGivesItsUnsoldUnitsBackWithItsFinalSoldCount() {
		String sku = newSku();
		inventory.stock(sku, 30);
		assertThat(buy(newCustomer(), sku, 1).status()).isEqualTo(201);
		this.keeper.stop();
		try {
			assertThat(inventory.leaseCalls()).contains("DELETE " + sku + "/" + this.keeper.replicaId() + " 1");
			assertThat(inventory.available(sku)).isEqualTo(29);
			assertThat(inventory.leaseHeld(sku, this.keeper.replicaId())).isZero();
		}
		finally {
			this.keeper.start();
		}
	}

	@Test
	void takingInTheSameLeaseAnswerAgainCountsNothingTwice() {
		String sku = newSku();
		inventory.stock(sku, 30);
		LeaseAnswer lease = this.leases.grant(sku, "restarted-replica", 6, 0);
		assertThat(this.quotas.adopt(lease, "restarted-replica")).isEqualTo(6);
		assertThat(this.quotas.adopt(lease, "restarted-replica")).isEqualTo(6);
		assertThat(this.quotas.adopt(this.leases.grant(sku, "restarted-replica", 0, 0), "restarted-replica"))
			.isEqualTo(6);
	}

	private Response buy(String customer, String sku, int quantity) {
		return this.api.place("escrow", OrderApi.orderJson(customer, sku, quantity));
	}

	/**
	 * A product of its own, listed in the catalog order-service checks orders against.
	 */
	private String newSku() {
		String sku = "ESCROW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		inventory.product(sku, "Escrow test item " + sku, 1999, 10);
		assertThat(this.catalog.refresh()).isTrue();
		return sku;
	}

}
