package dev.xboxshop.order.checkout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import dev.xboxshop.order.Apology;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderApi;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.OrderServiceIntegrationTestSupport;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdempotencyIntegrationTests extends OrderServiceIntegrationTestSupport {

	@Autowired
	private OrderRepository orders;

	@ParameterizedTest
	@ValueSource(strings = { "sync", "async" })
	void placesOneOrderWhenTheSameKeyArrivesTenTimesAtOnce(String mode) throws Exception {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(customer, "CONTROLLER-WHITE", 1);

		List<OrderApi.Response> responses = concurrently(10, () -> this.api.place(key, mode, body));

		assertThat(responses).extracting(OrderApi.Response::status).containsOnly(mode.equals("sync") ? 201 : 202);
		assertThat(responses).extracting(OrderApi.Response::body).containsOnly(responses.get(0).body());
		assertThat(this.api.ordersOf(customer)).hasSize(1);
		if (mode.equals("sync")) {
			assertThat(inventory.reserveCalls()).containsExactly(responses.get(0).orderId());
		}
	}

	@Test
	void settlesTheSameOrderOnARetryWhenTheFailedAttemptMayHaveCreatedIt() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(customer, "GAME-A", 1);
		// the caller sees an error although the order exists, as after a timeout
		String boundOrderId = failAfterStoring(key, "async", customer, body);
		OrderApi.Response retry = this.api.place(key, "async", body);

		assertThat(this.redis.hasKey(RedisKeys.order(boundOrderId))).isTrue();
		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.orderId()).isEqualTo(boundOrderId);
	}

	@Test
	void aRetryInSyncOfAnAsyncOrderThatFailedAfterItWasStoredIsSettledAsAsync() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(customer, "GAME-A", 1);
		String boundOrderId = failAfterStoring(key, "async", customer, body);

		OrderApi.Response retry = this.api.place(key, "sync", body);

		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.orderId()).isEqualTo(boundOrderId);
		assertThat(retry.json().get("mode").asString()).isEqualTo("async");
		assertThat(inventory.reserveCalls()).as("an async order is never reserved over HTTP")
			.doesNotContain(boundOrderId);
	}

	@Test
	void aRetryOfASyncOrderCancelledMeanwhileGetsItsFinalStateNotTryAgain() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(customer, "GAME-A", 1);
		String boundOrderId = failAfterStoring(key, "sync", customer, body);
		Order stored = this.orders.find(boundOrderId).orElseThrow();
		this.orders.transition(stored, OrderStatus.ACCEPTED, OrderStatus.CANCELLED, Apology.LATE);

		OrderApi.Response retry = this.api.place(key, "sync", body);
		OrderApi.Response again = this.api.place(key, "sync", body);

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(retry.json().get("reason").asString()).isEqualTo(Apology.LATE);
		assertThat(again.body()).isEqualTo(retry.body());
	}

	/**
	 * Places an order whose create script fails after it stored the order (the customer
	 * index is no sorted set), as after a Redis timeout: the key stays bound to it.
	 * @return the order id the key is bound to
	 */
	private String failAfterStoring(String key, String mode, String customer, String body) {
		this.redis.opsForValue().set(RedisKeys.customerOrders(customer), "not a sorted set");
		OrderApi.Response failed = this.api.place(key, mode, body);
		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.problemType()).endsWith("/order-store-unavailable");
		String boundOrderId = (String) this.redis.opsForHash().get(RedisKeys.idempotencyKey(key), "orderId");
		this.redis.delete(RedisKeys.customerOrders(customer));
		assertThat(boundOrderId).isNotNull();
		return boundOrderId;
	}

	@Test
	void freesTheKeyWhenTheFailedAttemptCreatedNoOrder() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(customer, "XBOX-SERIES-X", 1);
		// the purchase-limit counter is read before the script writes anything
		this.redis.opsForHash().put(RedisKeys.purchaseLimit(customer), "not", "a counter");

		OrderApi.Response failed = this.api.place(key, "async", body);
		boolean keptKey = this.redis.hasKey(RedisKeys.idempotencyKey(key));
		this.redis.delete(RedisKeys.purchaseLimit(customer));
		OrderApi.Response retry = this.api.place(key, "async", body);

		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.problemType()).endsWith("/order-store-unavailable");
		assertThat(keptKey).isFalse();
		assertThat(retry.status()).isEqualTo(202);
		assertThat(this.api.ordersOf(customer)).hasSize(1);
	}

	@Test
	void replaysTheFirstAnswerToARetryEvenAfterTheOrderMoved() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(customer, "GAME-A", 1);
		OrderApi.Response first = this.api.place(key, "async", body);
		this.kafka.stockReserved(first.orderId(), "GAME-A", 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.api.status(first.orderId()).equals("CONFIRMED"));

		OrderApi.Response retry = this.api.place(key, "async",
				"{ \"items\": [{\"quantity\": 1, \"sku\": \"GAME-A\"}]," + " \"customerId\": \"" + customer + "\" }");

		assertThat(retry.status()).isEqualTo(202);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(this.api.ordersOf(customer)).hasSize(1);
	}

	@Test
	void replaysASoldOutAnswerToARetry() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		inventory.stock("GAME-RARE", 0);

		OrderApi.Response first = this.api.place(key, "sync", OrderApi.orderJson(customer, "GAME-RARE", 1));
		inventory.stock("GAME-RARE", 5);
		OrderApi.Response retry = this.api.place(key, "sync", OrderApi.orderJson(customer, "GAME-RARE", 1));

		assertThat(first.status()).isEqualTo(409);
		assertThat(retry.status()).isEqualTo(409);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(inventory.reserveCalls()).hasSize(1);
	}

	@Test
	void refusesTheSameKeyWithADifferentBody() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		OrderApi.Response first = this.api.place(key, "async", OrderApi.orderJson(customer, "GAME-A", 1));

		OrderApi.Response other = this.api.place(key, "async", OrderApi.orderJson(customer, "GAME-A", 2));

		assertThat(first.status()).isEqualTo(202);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(other.problemType()).isEqualTo("https://xbox-shop.example/problems/idempotency-key-reused");
		assertThat(this.api.ordersOf(customer)).hasSize(1);
		assertThat(this.api.order(first.orderId()).get("items").get(0).get("quantity").asInt()).isEqualTo(1);
	}

	@Test
	void letsARetrySucceedAfterAWarehouseFailure() {
		String customer = newCustomer();
		String key = OrderApi.newKey();
		String body = OrderApi.orderJson(customer, "GAME-A", 1);
		inventory.down(true);
		OrderApi.Response failed = this.api.place(key, "sync", body);
		inventory.down(false);

		OrderApi.Response retry = this.api.place(key, "sync", body);

		assertThat(failed.status()).isEqualTo(503);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(this.api.ordersOf(customer)).hasSize(1);
	}

	private static List<OrderApi.Response> concurrently(int count, Callable<OrderApi.Response> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<OrderApi.Response>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<OrderApi.Response> responses = new ArrayList<>();
			for (Future<OrderApi.Response> future : futures) {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
