package dev.xboxshop.inventory.warehouse;

import java.net.http.HttpResponse;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.xboxshop.inventory.Http;
import dev.xboxshop.inventory.TestProducts;
import dev.xboxshop.testsupport.RealKafka;
import dev.xboxshop.testsupport.RealRedis;

import static dev.xboxshop.testsupport.http.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slow warehouse with two trips in flight and room for two more reservations in line: a
 * burst gets those through, sharing trips, and the rest is turned away at once. The trip
 * takes 2 s so that the burst's requests overlap even on a loaded machine (at 500 ms, a
 * CI run saw all eight arrive one after another and every one reserved).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shop.inventory.warehouse-latency=2s", "shop.inventory.max-concurrent-reservations=2",
				"shop.inventory.max-waiting-reservations=2", "shop.inventory.bulkhead-max-wait=0ms",
				"shop.inventory.chaos-refresh=0ms", "spring.kafka.listener.auto-startup=false" })
@RealRedis
@RealKafka
@Import({ TestProducts.class, Http.class })
class BulkheadIntegrationTests {

	@Autowired
	private Http http;

	@Autowired
	private TestProducts products;

	@Autowired
	private Warehouse warehouse;

	@Test
	void turnsExcessReservationsAwayWithWarehouseBusy() throws Exception {
		String sku = this.products.create(50, 2);
		long tripsBefore = this.warehouse.trips();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// both trips in flight first (each 2 s): a burst that arrived together could
			// all ride the first trip while it starts, and none be turned away
			List<Future<HttpResponse<String>>> first = new ArrayList<>();
			for (int trip = 1; trip <= 2; trip++) {
				first.add(pool.submit(() -> reserve(sku)));
				long started = tripsBefore + trip;
				await().atMost(Duration.ofSeconds(10)).until(() -> this.warehouse.trips() >= started);
			}
			List<HttpResponse<String>> answered = reserveAtOnce(sku, 6);
			for (Future<HttpResponse<String>> response : first) {
				answered.add(response.get(1, TimeUnit.MINUTES));
			}

			// two trips in flight and two in line: the other four are turned away
			List<HttpResponse<String>> busy = answered.stream().filter((r) -> r.statusCode() == 503).toList();
			long reserved = answered.stream().filter((r) -> r.statusCode() == 201).count();
			assertThat(busy).hasSize(4);
			assertThat(reserved).isEqualTo(4);
			busy.forEach((response) -> {
				assertProblem(response, 503, "warehouse-busy");
				assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			});
			assertThat(this.products.level(sku).reserved()).isEqualTo(reserved);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void concurrentReservationsShareWarehouseTrips() throws Exception {
		String sku = this.products.create(50, 2);
		long tripsBefore = this.warehouse.trips();

		// two trips in flight and two waiting: all four fit, and the waiting two ride
		// together
		List<HttpResponse<String>> answered = reserveAtOnce(sku, 4);

		assertThat(answered)
			.allSatisfy((response) -> assertThat(response.statusCode()).as(response.body()).isEqualTo(201));
		assertThat(this.warehouse.trips() - tripsBefore).isLessThan(4);
		assertThat(this.products.level(sku).reserved()).isEqualTo(4);
	}

	@Test
	void answersSoldOutAtOnceWithoutTakingABulkheadSlot() throws Exception {
		String sku = this.products.create(0, 2);

		List<HttpResponse<String>> answered = reserveAtOnce(sku, 8);

		assertThat(answered).allSatisfy((response) -> assertProblem(response, 409, "sold-out"));
		assertThat(this.products.level(sku).reserved()).isZero();
	}

	private HttpResponse<String> reserve(String sku) throws Exception {
		return this.http.postJson("/api/reservations",
				"{\"orderId\":\"" + TestProducts.orderId() + "\",\"sku\":\"" + sku + "\",\"quantity\":1}");
	}

	private List<HttpResponse<String>> reserveAtOnce(String sku, int buyers) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(buyers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < buyers; i++) {
				Callable<HttpResponse<String>> reserve = () -> {
					start.await();
					return reserve(sku);
				};
				responses.add(pool.submit(reserve));
			}
			start.countDown();
			List<HttpResponse<String>> answered = new ArrayList<>();
			for (Future<HttpResponse<String>> response : responses) {
				answered.add(response.get(1, TimeUnit.MINUTES));
			}
			return answered;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
