package dev.xboxshop.inventory.catalog;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

import dev.xboxshop.inventory.Http;
import dev.xboxshop.inventory.InventoryIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@InventoryIntegrationTest
class CatalogHealthIntegrationTests {

	@Autowired
	private Http http;

	@Autowired
	private StringRedisTemplate redis;

	@Test
	void saysItIsNotReadyWhenTheStockStoreCameBackWithoutItsCatalog() {
		assertThat(this.http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		Set<TypedTuple<String>> catalog = this.redis.opsForZSet().rangeWithScores(ProductCatalog.INDEX, 0, -1);
		this.redis.delete(ProductCatalog.INDEX);
		try {
			assertThat(this.http.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
			assertThat(this.http.get("/actuator/health").body()).contains("DOWN");
		}
		finally {
			this.redis.opsForZSet().add(ProductCatalog.INDEX, catalog);
		}
		assertThat(this.http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

}
