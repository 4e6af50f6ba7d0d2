package dev.xboxshop.order.backlog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.RedisKeys;

/**
 * Knows how far booking is behind accepting, and turns async orders away (503
 * {@code busy}) once a new one would likely wait past half its deadline: the shop refuses
 * up front rather than accept an order it can only cancel for time.
 * <p>
 * The backlog is the ACCEPTED orders (the deadline set every replica writes); the booking
 * rate is counted in per-second buckets in Redis by whichever replica applied the stock
 * answers. Each replica re-reads both at most every {@code refresh}, so the accept path
 * costs no Redis call per order.
 */
@Component
public class BookingBacklog {

	private static final int RATE_WINDOW_SECONDS = 5;

	private static final long BUCKET_TTL_SECONDS = 120;

	/** How many of the oldest ACCEPTED orders are looked at for the oldest async one. */
	private static final int OLDEST_LOOKED_AT = 20;

	private static final String MODE = "mode";

	private final StringRedisTemplate redis;

	private final OrderProperties.Async settings;

	private final Clock clock;

	private volatile Reading last;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	BookingBacklog(StringRedisTemplate redis, OrderProperties properties, Clock clock) {
		this.redis = redis;
		this.settings = properties.async();
		this.clock = clock;
	}

	/**
	 * Count orders that just became final through a stock answer.
	 * @param orders how many
	 */
	public void booked(int orders) {
		if (orders > 0) {
			String bucket = RedisKeys.booked(this.clock.millis() / 1000);
			this.redis.opsForValue().increment(bucket, orders);
			this.redis.expire(bucket, BUCKET_TTL_SECONDS, TimeUnit.SECONDS);
		}
	}

	/**
	 * @throws Busy when a new async order would likely not be answered in time
	 */
	public void admit() {
		Backlog backlog = current();
		if (backlog.shedding()) {
			long over = backlog.projectedWaitMs() - backlog.shedAfterMs();
			throw new Busy(backlog, Math.max(1, Math.min(30, (over + 999) / 1000)));
		}
	}

	/**
	 * The backlog as last read (at most {@code refresh} old). One caller at a time
	 * re-reads it while the others go on with the last reading, so a spike of accepts
	 * costs no burst of Redis calls; a failed read keeps the last reading (a Redis outage
	 * fails the order itself, not this estimate).
	 */
	public Backlog current() {
		Reading reading = this.last;
		long now = this.clock.millis();
		boolean stale = reading == null || now - reading.at() >= this.settings.backlogRefresh().toMillis();
		if (stale && this.refreshing.compareAndSet(false, true)) {
			try {
				reading = new Reading(read(now), now);
				this.last = reading;
			}
			catch (DataAccessException ex) {
				if (reading == null) {
					throw ex;
				}
			}
			finally {
				this.refreshing.set(false);
			}
		}
		else if (reading == null) {
			// the very first reading is under way in another thread
			return read(now);
		}
		return reading.backlog();
	}

	private Backlog read(long now) {
		Long inFlight = this.redis.opsForZSet().zCard(RedisKeys.ACCEPTED);
		long deadlineMs = this.settings.deadline().toMillis();
		long oldestWaitMs = oldestAsyncWait(now, deadlineMs);
		double rate = bookedPerSecond(now / 1000);
		long backlog = (inFlight != null) ? inFlight : 0;
		long projected = Math.max(oldestWaitMs,
				(long) (1000.0 * backlog / Math.max(rate, this.settings.minBookingRate())));
		long shedAfterMs = this.settings.shedAfter().toMillis();
		return new Backlog(backlog, rate, oldestWaitMs, projected, shedAfterMs, deadlineMs, projected > shedAfterMs);
	}

	/**
	 * How long the oldest async order has waited, from its deadline. The set of ACCEPTED
	 * orders holds sync orders too, whose deadline is shorter: read as async, a sync
	 * order stuck in its reservation call looked 40 s older than it was and turned async
	 * buyers away as busy. So the oldest few are looked at, and sync ones skipped.
	 */
	private long oldestAsyncWait(long now, long deadlineMs) {
		Set<TypedTuple<String>> oldest = this.redis.opsForZSet()
			.rangeWithScores(RedisKeys.ACCEPTED, 0, OLDEST_LOOKED_AT - 1);
		if (oldest == null || oldest.isEmpty()) {
			return 0;
		}
		List<TypedTuple<String>> entries = new ArrayList<>(oldest);
		List<Object> modes = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (TypedTuple<String> entry : entries) {
				connection.hashCommands()
					.hGet(RedisKeys.order(entry.getValue()).getBytes(StandardCharsets.UTF_8),
							MODE.getBytes(StandardCharsets.UTF_8));
			}
			return null;
		});
		for (int i = 0; i < entries.size(); i++) {
			Double deadline = entries.get(i).getScore();
			if (!CheckoutMode.SYNC.value().equals(modes.get(i)) && deadline != null) {
				return Math.max(0, now - (deadline.longValue() - deadlineMs));
			}
		}
		return 0;
	}

	/**
	 * Orders booked per second over the last complete seconds: their average, or the last
	 * second's if higher (a spike that just began).
	 */
	private double bookedPerSecond(long currentSecond) {
		List<String> buckets = new ArrayList<>();
		for (int i = 1; i <= RATE_WINDOW_SECONDS; i++) {
			buckets.add(RedisKeys.booked(currentSecond - i));
		}
		List<String> counts = this.redis.opsForValue().multiGet(buckets);
		if (counts == null) {
			return 0;
		}
		long total = 0;
		long lastSecond = 0;
		for (int i = 0; i < counts.size(); i++) {
			long count = (counts.get(i) != null) ? Long.parseLong(counts.get(i)) : 0;
			total += count;
			if (i == 0) {
				lastSecond = count;
			}
		}
		return Math.max((double) total / RATE_WINDOW_SECONDS, lastSecond);
	}

	private record Reading(Backlog backlog, long at) {

	}

}
