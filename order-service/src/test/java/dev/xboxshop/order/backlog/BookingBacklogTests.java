package dev.xboxshop.order.backlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.testsupport.FreePorts;
import dev.xboxshop.testsupport.LocalRedis;
import dev.xboxshop.testsupport.RealServers;
import dev.xboxshop.testsupport.RedisServerHandle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The backlog against a real Redis (its own database, so other tests' orders do not
 * count): a deadline of 60 s, turning orders away once a new one would wait over 30 s.
 */
class BookingBacklogTests {

	private static final long NOW = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

	private static final long DEADLINE_MS = 60_000;

	private LettuceConnectionFactory connections;

	private StringRedisTemplate redis;

	private BookingBacklog backlog;

	private final MovingClock clock = new MovingClock();

	@BeforeEach
	void connect() {
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(RealServers.redis().host(),
				RealServers.redis().port());
		server.setDatabase(9);
		this.connections = new LettuceConnectionFactory(server);
		this.connections.afterPropertiesSet();
		this.redis = new StringRedisTemplate(this.connections);
		this.redis.afterPropertiesSet();
		this.redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.backlog = new BookingBacklog(this.redis, properties(), this.clock);
	}

	private static OrderProperties properties() {
		return new Binder(new MapConfigurationPropertySource(
				Map.of("shop.order.async.deadline", "60s", "shop.order.async.shed-after", "30s",
						"shop.order.async.min-booking-rate", "100", "shop.order.async.backlog-refresh", "0ms")))
			.bindOrCreate("shop.order", OrderProperties.class);
	}

	@AfterEach
	void disconnect() {
		this.connections.destroy();
	}

	/** A clock a test moves by hand. */
	private static final class MovingClock extends Clock {

		private long millis = NOW;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(this.millis);
		}

	}

	@Test
	void admitsWhileTheBacklogCanBeBookedInTime() {
		accepted(2_000, 0);

		Backlog current = this.backlog.current();

		assertThat(current.inFlight()).isEqualTo(2_000);
		assertThat(current.projectedWaitMs()).as("2,000 orders at the floor of 100/s").isEqualTo(20_000);
		assertThat(current.shedding()).isFalse();
		this.backlog.admit();
	}

	@Test
	void turnsOrdersAwayOnceTheProjectedWaitPassesTheLimit() {
		accepted(4_000, 0);

		assertThatExceptionOfType(Busy.class).isThrownBy(this.backlog::admit).satisfies((busy) -> {
			assertThat(busy.status().value()).isEqualTo(503);
			assertThat(busy.slug()).isEqualTo("busy");
			assertThat(busy.headers().getFirst("Retry-After")).isEqualTo("10");
		});
	}

	@Test
	void judgesByTheMeasuredBookingRateWhenItIsHigher() {
		accepted(4_000, 0);
		for (int second = 1; second <= 5; second++) {
			this.redis.opsForValue().set(RedisKeys.booked(NOW / 1000 - second), "1000");
		}

		Backlog current = this.backlog.current();

		assertThat(current.bookedPerSecond()).isEqualTo(1000.0);
		assertThat(current.projectedWaitMs()).isEqualTo(4_000);
		assertThat(current.shedding()).isFalse();
	}

	@Test
	void countsWhatItIsToldWasBookedIntoThisSecond() {
		this.backlog.booked(7);
		this.backlog.booked(5);

		assertThat(this.redis.opsForValue().get(RedisKeys.booked(NOW / 1000))).isEqualTo("12");
	}

	@Test
	void turnsOrdersAwayWhenTheOldestOrderHasWaitedTooLongHoweverSmallTheBacklog() {
		// booking stalled (broker or warehouse down): one order has waited 40 s
		accepted(1, 40_000);

		Backlog current = this.backlog.current();

		assertThat(current.oldestWaitMs()).isEqualTo(40_000);
		assertThat(current.shedding()).isTrue();
	}

	@Test
	void keepsItsLastReadingWhenRedisCannotBeRead() {
		RedisServerHandle ownRedis = LocalRedis.start(FreePorts.find());
		LettuceConnectionFactory own = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(ownRedis.host(), ownRedis.port()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		own.afterPropertiesSet();
		try {
			StringRedisTemplate redis = new StringRedisTemplate(own);
			this.redis = redis;
			accepted(4_000, 0);
			BookingBacklog backlog = new BookingBacklog(redis, properties(), this.clock);
			assertThat(backlog.current().shedding()).isTrue();
			ownRedis.stop();
			this.clock.millis += 1_000;

			assertThat(backlog.current().inFlight()).isEqualTo(4_000);
			assertThatExceptionOfType(Busy.class).isThrownBy(backlog::admit);
		}
		finally {
			own.destroy();
		}
	}

	/** Orders accepted {@code waitedMs} ago, as create-order.lua records them. */
	@Test
	void aSyncOrderStuckInItsReservationDoesNotTurnAsyncBuyersAway() {
		// sync orders' deadline is 20 s: one placed 5 s ago waits for its warehouse call
		for (int i = 0; i < 3; i++) {
			this.redis.opsForZSet().add(RedisKeys.ACCEPTED, "sync-" + i, NOW - 5_000 + 20_000);
			this.redis.opsForHash().put(RedisKeys.order("sync-" + i), "mode", "sync");
		}
		accepted(10, 2_000);

		Backlog current = this.backlog.current();

		assertThat(current.oldestWaitMs()).as("the oldest async order's wait").isEqualTo(2_000);
		assertThat(current.shedding()).isFalse();
		this.backlog.admit();
	}

	private void accepted(int orders, long waitedMs) {
		Set<TypedTuple<String>> entries = new HashSet<>();
		for (int i = 0; i < orders; i++) {
			entries.add(TypedTuple.of("order-" + i, (double) (NOW - waitedMs + DEADLINE_MS)));
		}
		this.redis.opsForZSet().add(RedisKeys.ACCEPTED, entries);
	}

}
