package dev.xboxshop.order.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.OrderStatus;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.order.ThrottledReading;

/**
 * {@code shop.orders}: orders by mode and status, the whole shop's (every replica's),
 * read from the auditor's counters (the {@code mode:<mode>:<STATUS>} fields the order
 * scripts keep). One {@code HMGET} of those fields at most once a second, however often
 * and by however many scrapers the gauges are read; never a scan of the orders.
 */
@Component
class OrderCountGauges implements MeterBinder {

	static final Duration REFRESH = Duration.ofSeconds(1);

	private static final List<String> FIELDS = fields();

	private final StringRedisTemplate redis;

	private final ThrottledReading reading;

	OrderCountGauges(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.reading = new ThrottledReading(REFRESH, clock, this::read);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (int i = 0; i < FIELDS.size(); i++) {
			int field = i;
			CheckoutMode mode = CheckoutMode.values()[i / OrderStatus.values().length];
			OrderStatus status = OrderStatus.values()[i % OrderStatus.values().length];
			Gauge.builder("shop.orders", this, (gauges) -> gauges.reading.value(field))
				.description("Orders by mode and status, from the auditor's counters")
				.tag("mode", mode.value())
				.tag("status", status.name())
				.register(registry);
		}
	}

	private long[] read() {
		List<Object> values = this.redis.opsForHash().multiGet(RedisKeys.AUDIT_COUNTERS, new ArrayList<>(FIELDS));
		long[] counts = new long[FIELDS.size()];
		for (int i = 0; i < counts.length; i++) {
			Object value = values.get(i);
			counts[i] = (value != null) ? Long.parseLong(value.toString()) : 0;
		}
		return counts;
	}

	private static List<String> fields() {
		List<String> fields = new ArrayList<>();
		for (CheckoutMode mode : CheckoutMode.values()) {
			for (OrderStatus status : OrderStatus.values()) {
				fields.add("mode:" + mode.value() + ":" + status.name());
			}
		}
		return List.copyOf(fields);
	}

}
