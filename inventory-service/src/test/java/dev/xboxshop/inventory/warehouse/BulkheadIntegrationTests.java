package dev.xboxshop.inventory.warehouse;

import java.net.http.HttpResponse;
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
		List<HttpResponse<String>> answered = reserveAtOnce(sku, 8);

		List<HttpResponse<String>> busy = answered.stream().filter((r) -> r.statusCode() == 503).toList();
		long reserved = answered.stream().filter((r) -> r.statusCode() == 201).count();
		assertThat(busy).isNotEmpty();
		assertThat(reserved).isBetween(1L, 7L);
		assertThat(busy.size() + reserved).isEqualTo(8);
		busy.forEach((response) -> {
			assertProblem(response, 503, "warehouse-busy");
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		});
		assertThat(this.products.level(sku).reserved()).isEqualTo(reserved);
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

	private List<HttpResponse<String>> reserveAtOnce(String sku, int buyers) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(buyers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < buyers; i++) {
				Callable<HttpResponse<String>> reserve = () -> {
					start.await();
					return this.http.postJson("/api/reservations",
							"{\"orderId\":\"" + TestProducts.orderId() + "\",\"sku\":\"" + sku + "\",\"quantity\":1}");
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
