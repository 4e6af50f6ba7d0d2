package dev.xboxshop.order.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.OrderScripts;
import dev.xboxshop.order.RedisKeys;

/**
 * The auditor's figures in Redis: read in one atomic step, and counted once from the
 * orders themselves for a store that holds orders from before the counters existed (at
 * start-up, and before an audit if the mark of that count is missing). After that the
 * order scripts keep them.
 */
@Component
class AuditCounters implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuditCounters.class);

	static final int SAMPLE = 20;

	private static final int BATCH = 500;

	private static final RedisScript<List> READ = RedisScript
		.of(new ClassPathResource("scripts/read-audit-figures.lua"), List.class);

	private static final RedisScript<Long> COUNT = OrderScripts.counting("count-orders", Long.class);

	private final StringRedisTemplate redis;

	private final Clock clock;

	AuditCounters(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			countEarlierOrdersIfNeeded();
		}
		catch (DataAccessException ex) {
			// the first audit counts them instead
			log.warn("Could not count earlier orders at start-up: {}", ex.getMessage());
		}
	}

	/**
	 * Count every order not counted yet, once per store: a store written before the
	 * counters existed (or whose mark was lost) is walked once; afterwards this is one
	 * {@code EXISTS}. Audits wait for a pass under way rather than read half-made
	 * figures.
	 * @return orders counted now
	 */
	long countEarlierOrdersIfNeeded() {
		if (counted()) {
			return 0;
		}
		synchronized (this) {
			return counted() ? 0 : countEarlierOrders();
		}
	}

	private boolean counted() {
		return Boolean.TRUE.equals(this.redis.hasKey(RedisKeys.AUDIT_COUNTED));
	}

	private long countEarlierOrders() {
		long started = System.nanoTime();
		long counted = 0;
		Set<String> batch = new LinkedHashSet<>();
		// ZSCAN returns every member present for the whole scan (some twice, which the
		// script's 'audited' mark makes harmless); orders created meanwhile count
		// themselves
		try (Cursor<TypedTuple<String>> members = this.redis.opsForZSet()
			.scan(RedisKeys.ALL, ScanOptions.scanOptions().count(BATCH).build())) {
			while (members.hasNext()) {
				batch.add(members.next().getValue());
				if (batch.size() == BATCH) {
					counted += count(batch);
					batch.clear();
				}
			}
		}
		counted += count(batch);
		this.redis.opsForValue().setIfAbsent(RedisKeys.AUDIT_COUNTED, String.valueOf(this.clock.millis()));
		if (counted > 0) {
			log.info("Counted {} order(s) stored before the audit counters in {} ms", counted,
					(System.nanoTime() - started) / 1_000_000);
		}
		return counted;
	}

	private long count(Set<String> orderIds) {
		if (orderIds.isEmpty()) {
			return 0;
		}
		List<String> keys = new ArrayList<>();
		orderIds.forEach((id) -> keys.add(RedisKeys.order(id)));
		keys.addAll(RedisKeys.AUDIT_FIGURES);
		Long counted = this.redis.execute(COUNT, keys, orderIds.toArray());
		return (counted != null) ? counted : 0;
	}

	/**
	 * Every figure at one instant.
	 * @param overdueBefore ACCEPTED orders created before this are overdue
	 * @return the figures
	 */
	OrderFigures read(Instant overdueBefore) {
		List<String> keys = new ArrayList<>(RedisKeys.AUDIT_FIGURES);
		keys.add(RedisKeys.AUDIT_COUNTED);
		String before = String.valueOf(overdueBefore.toEpochMilli());
		List<?> answer = this.redis.execute(READ, keys, before, String.valueOf(SAMPLE));
		// without the mark, orders from before the counters are counted first (once)
		if (number(answer.get(10)) == 0 && countEarlierOrdersIfNeeded() > 0) {
			answer = this.redis.execute(READ, keys, before, String.valueOf(SAMPLE));
		}
		List<?> flat = (List<?>) answer.get(0);
		Map<String, Long> counters = new HashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			counters.put((String) flat.get(i), Long.parseLong((String) flat.get(i + 1)));
		}
		return OrderFigures.of(counters,
				new OrderFigures.Indexes(number(answer.get(1)), number(answer.get(2)), number(answer.get(3)),
						strings(answer.get(4)), number(answer.get(5)), sorted(answer.get(6)), number(answer.get(7)),
						sorted(answer.get(8)), number(answer.get(9))));
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}

	private static List<String> sorted(Object value) {
		return strings(value).stream().sorted().toList();
	}

}
