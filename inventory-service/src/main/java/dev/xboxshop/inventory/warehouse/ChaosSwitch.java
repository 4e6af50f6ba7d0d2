package dev.xboxshop.inventory.warehouse;

import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The chaos settings, shared by every replica through one Redis hash ({@code inv:chaos}).
 * Each replica re-reads them at most every {@code shop.inventory.chaos-refresh}, so a
 * switch reaches all replicas within that time and costs no Redis call per reservation.
 */
@Component
public class ChaosSwitch {

	static final String KEY = "inv:chaos";

	private final StringRedisTemplate redis;

	private final long refreshNanos;

	private volatile Snapshot snapshot;

	ChaosSwitch(StringRedisTemplate redis, WarehouseProperties properties) {
		this.redis = redis;
		this.refreshNanos = properties.chaosRefresh().toNanos();
	}

	public Chaos current() {
		Snapshot known = this.snapshot;
		if (known != null && System.nanoTime() - known.readAt() < this.refreshNanos) {
			return known.chaos();
		}
		Chaos chaos = read();
		this.snapshot = new Snapshot(chaos, System.nanoTime());
		return chaos;
	}

	public Chaos set(Chaos chaos) {
		this.redis.opsForHash()
			.putAll(KEY, Map.of("extraLatencyMs", String.valueOf(chaos.extraLatencyMs()), "errorRate",
					String.valueOf(chaos.errorRate()), "down", String.valueOf(chaos.down())));
		this.snapshot = new Snapshot(chaos, System.nanoTime());
		return chaos;
	}

	private Chaos read() {
		Map<Object, Object> hash = this.redis.opsForHash().entries(KEY);
		if (hash.isEmpty()) {
			return Chaos.NONE;
		}
		return new Chaos(Long.parseLong(String.valueOf(hash.getOrDefault("extraLatencyMs", "0"))),
				Double.parseDouble(String.valueOf(hash.getOrDefault("errorRate", "0"))),
				Boolean.parseBoolean(String.valueOf(hash.getOrDefault("down", "false"))));
	}

	private record Snapshot(Chaos chaos, long readAt) {
	}

}
