package dev.xboxshop.inventory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.xboxshop.testsupport.RealKafka;
import dev.xboxshop.testsupport.RealRedis;

/**
 * The whole service on a random port against real Redis and Kafka, with no warehouse
 * latency and chaos read on every call, so that tests sharing it share one application
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shop.inventory.warehouse-latency=0ms", "shop.inventory.chaos-refresh=0ms",
				"shop.inventory.retry-interval=100ms", "shop.inventory.warehouse-retry-interval=200ms",
				"shop.inventory.lease.ttl=1s", "shop.inventory.lease.reclaim-grace=2s" })
@RealRedis
@RealKafka
@Import({ TestProducts.class, Http.class })
public @interface InventoryIntegrationTest {

}
