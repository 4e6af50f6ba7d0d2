package dev.xboxshop.order.inventory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.DefaultTypedTuple;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.RedisKeys;

/**
 * Relays the release outbox: reservations to give back, one entry per (order id, sku),
 * written by the same script that failed or dropped the order
 * ({@code release-outbox.lua}), so a crash cannot strand stock. Each entry is retried,
 * with a backoff, until inventory acknowledges it; inventory answers a release of a
 * reservation it has not seen with a tombstone, so a reservation that lands later takes
 * nothing and one acknowledgement is final.
 */
@Component
public class ReservationReleases {

	private static final Logger log = LoggerFactory.getLogger(ReservationReleases.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> TAKE_DUE = RedisScript
		.of(new ClassPathResource("scripts/take-due-releases.lua"), List.class);

	private static final Duration LEASE = Duration.ofSeconds(10);

	private static final int BATCH = 20;

	private static final long MAX_BACKOFF = 30_000;

	private final StringRedisTemplate redis;

	private final InventoryClient inventory;

	private final Clock clock;

	ReservationReleases(StringRedisTemplate redis, InventoryClient inventory, Clock clock) {
		this.redis = redis;
		this.inventory = inventory;
		this.clock = clock;
	}

	/**
	 * Put reservations in the release outbox, for an order that is already failed
	 * (inventory reserved for it after it was cancelled); the order scripts do this
	 * themselves for the orders they fail.
	 * @param orderId the order
	 * @param skus the skus whose reservations to give back
	 */
	public void schedule(String orderId, Collection<String> skus) {
		double now = this.clock.millis();
		Set<TypedTuple<String>> entries = new HashSet<>();
		skus.forEach((sku) -> entries.add(new DefaultTypedTuple<>(entry(orderId, sku), now)));
		if (!entries.isEmpty()) {
			this.redis.opsForZSet().add(RedisKeys.RELEASES, entries);
		}
	}

	/** Releases waiting for inventory's acknowledgement. */
	public long pending() {
		Long size = this.redis.opsForZSet().size(RedisKeys.RELEASES);
		return (size != null) ? size : 0;
	}

	@Scheduled(fixedDelay = 200)
	void releaseDue() {
		List<?> due = this.redis.execute(TAKE_DUE, List.of(RedisKeys.RELEASES), String.valueOf(this.clock.millis()),
				String.valueOf(LEASE.toMillis()), String.valueOf(BATCH));
		for (Object entry : due) {
			attempt((String) entry);
		}
	}

	private void attempt(String entry) {
		int bar = entry.indexOf('|');
		String orderId = (bar >= 0) ? entry.substring(0, bar) : entry;
		String sku = (bar >= 0) ? entry.substring(bar + 1) : null;
		switch (this.inventory.release(orderId, sku)) {
			case RELEASED -> done(entry);
			case NOT_RESERVED -> {
				// inventory has no such sku (or, for an entry written before entries
				// named their sku, no such reservation): nothing is or can be held
				log.info("Inventory holds nothing to release for {}", entry);
				done(entry);
			}
			case REFUSED -> {
				log.warn("Inventory refused to release {}; giving up", entry);
				done(entry);
			}
			case FAILED -> {
				long attempts = this.redis.opsForHash().increment(RedisKeys.RELEASE_ATTEMPTS, entry, 1);
				this.redis.opsForZSet().add(RedisKeys.RELEASES, entry, this.clock.millis() + backoff(attempts));
			}
		}
	}

	private static long backoff(long attempts) {
		return Math.min(250L << Math.min(attempts, 10), MAX_BACKOFF);
	}

	private void done(String entry) {
		this.redis.opsForZSet().remove(RedisKeys.RELEASES, entry);
		this.redis.opsForHash().delete(RedisKeys.RELEASE_ATTEMPTS, entry);
	}

	static String entry(String orderId, String sku) {
		return orderId + "|" + sku;
	}

}
