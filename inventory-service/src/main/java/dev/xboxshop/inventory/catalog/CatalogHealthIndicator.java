package dev.xboxshop.inventory.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Says DOWN (health and readiness) when the stock store came back empty: a wiped or
 * replaced Redis without the catalog would otherwise answer "unknown product" for the
 * X-Box as if it had never existed. A restart seeds it again.
 */
@Component("catalog")
class CatalogHealthIndicator implements HealthIndicator {

	private final StringRedisTemplate redis;

	private final CatalogProperties properties;

	CatalogHealthIndicator(StringRedisTemplate redis, CatalogProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	@Override
	public Health health() {
		Long products = this.redis.opsForZSet().zCard(ProductCatalog.INDEX);
		if (this.properties.seedCatalog() && (products == null || products == 0)) {
			return Health.down()
				.withDetail("reason", "the stock store holds no catalog (was Redis wiped?); restart to seed it")
				.build();
		}
		return Health.up().withDetail("products", products).build();
	}

}
