package dev.xboxshop.order.inventory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.RedisKeys;

/**
 * Compensation: reservations to give back, kept in Redis until inventory confirms the
 * release, so a crash or an unreachable inventory does not strand stock. A release that
 * inventory has not heard of yet is retried for a while, because the reservation it
 * undoes may still be on its way (the caller gave up after a timeout).
 */
@Component
public class ReservationReleases {

	private static final Logger log = LoggerFactory.getLogger(ReservationReleases.class);

	private static final RedisScript<List> TAKE_DUE = RedisScript
		.of(new ClassPathResource("scripts/take-due-releases.lua"), List.class);

	private static final Duration LEASE = Duration.ofSeconds(10);

	private static final Duration GIVE_UP = Duration.ofHours(24);

	private static final int BATCH = 20;

	/**
	 * Often enough to release a late reservation soon, rarely enough not to load
	 * inventory.
	 */
	private static final long NOT_RESERVED_RETRY_CAP = 5_000;

	private final StringRedisTemplate redis;

	private final InventoryClient inventory;

	private final Clock clock;

	private final Duration notReservedWindow;

	ReservationReleases(StringRedisTemplate redis, InventoryClient inventory, Clock clock, OrderProperties properties) {
		this.redis = redis;
		this.inventory = inventory;
		this.clock = clock;
		this.notReservedWindow = properties.sync().releaseWindow();
	}

	/**
	 * Release these reservations soon, and keep trying until inventory confirms.
	 * @param reservationIds the reservation ids
	 */
	public void schedule(Collection<String> reservationIds) {
		long now = this.clock.millis();
		for (String id : reservationIds) {
			String meta = RedisKeys.release(id);
			this.redis.opsForHash().putIfAbsent(meta, "firstAt", String.valueOf(now));
			this.redis.opsForHash()
				.put(meta, "notReservedUntil", String.valueOf(now + this.notReservedWindow.toMillis()));
			this.redis.expire(meta, GIVE_UP.plusHours(1));
			this.redis.opsForZSet().add(RedisKeys.RELEASES, id, now);
		}
	}

	/** Releases waiting for inventory's confirmation. */
	public long pending() {
		Long size = this.redis.opsForZSet().size(RedisKeys.RELEASES);
		return (size != null) ? size : 0;
	}

	@Scheduled(fixedDelay = 200)
	void releaseDue() {
		List<?> due = this.redis.execute(TAKE_DUE, List.of(RedisKeys.RELEASES), String.valueOf(this.clock.millis()),
				String.valueOf(LEASE.toMillis()), String.valueOf(BATCH));
		for (Object id : due) {
			attempt((String) id);
		}
	}

	private void attempt(String reservationId) {
		String meta = RedisKeys.release(reservationId);
		long attempts = this.redis.opsForHash().increment(meta, "attempts", 1);
		long now = this.clock.millis();
		switch (this.inventory.release(reservationId)) {
			case RELEASED -> done(reservationId);
			case REFUSED -> {
				log.warn("Inventory refused to release {}; giving up", reservationId);
				done(reservationId);
			}
			case NOT_RESERVED -> {
				if (now > longField(meta, "notReservedUntil")) {
					done(reservationId);
				}
				else {
					retry(reservationId, now, Math.min(backoff(attempts), NOT_RESERVED_RETRY_CAP));
				}
			}
			case FAILED -> {
				if (now - longField(meta, "firstAt") > GIVE_UP.toMillis()) {
					log.error("Could not release {} within {}; reconcile it by hand", reservationId, GIVE_UP);
					done(reservationId);
				}
				else {
					retry(reservationId, now, backoff(attempts));
				}
			}
		}
	}

	private static long backoff(long attempts) {
		return Math.min(250L << Math.min(attempts, 10), 30_000L);
	}

	private void retry(String reservationId, long now, long delay) {
		this.redis.opsForZSet().add(RedisKeys.RELEASES, reservationId, now + delay);
	}

	private void done(String reservationId) {
		this.redis.opsForZSet().remove(RedisKeys.RELEASES, reservationId);
		this.redis.delete(RedisKeys.release(reservationId));
	}

	private long longField(String key, String field) {
		Object value = this.redis.opsForHash().get(key, field);
		return (value != null) ? Long.parseLong((String) value) : 0;
	}

}
