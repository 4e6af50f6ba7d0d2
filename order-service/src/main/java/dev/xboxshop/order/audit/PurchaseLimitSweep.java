package dev.xboxshop.order.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.RedisKeys;

/**
 * The scalper rule's check, bounded: every customer's purchase-limit counter against the
 * launch-item units the order scripts count per customer ({@code ord:audit:held}). Both
 * change in the same scripts, so they only disagree when something wrote around them.
 * Comparing every customer on every audit would cost O(customers), so each audit compares
 * the next page of customers (a full pass over a few audits; a small shop in one) and
 * every customer found off before, until they agree again.
 */
@Component
class PurchaseLimitSweep {

	static final int PAGE = 2_000;

	private static final int MAX_SUSPECTS = 1_000;

	private static final RedisScript<List> SWEEP = RedisScript.of(new ClassPathResource("scripts/sweep-held-units.lua"),
			List.class);

	private final StringRedisTemplate redis;

	private final Set<String> suspects = new LinkedHashSet<>();

	private String cursor = "0";

	private long passes;

	PurchaseLimitSweep(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Compare the next page of customers, and those found off before.
	 * @param limit launch-item units one customer may hold
	 * @return what this audit found
	 */
	synchronized Findings next(int limit) {
		List<String> args = new ArrayList<>(
				List.of(this.cursor, String.valueOf(PAGE), RedisKeys.purchaseLimit(""), String.valueOf(limit)));
		args.addAll(this.suspects);
		List<?> answer = this.redis.execute(SWEEP, List.of(RedisKeys.AUDIT_HELD), args.toArray());
		this.cursor = (String) answer.get(0);
		if ("0".equals(this.cursor)) {
			this.passes++;
		}
		List<String> over = new ArrayList<>();
		List<String> drift = new ArrayList<>();
		this.suspects.clear();
		for (int i = 2; i + 2 < answer.size(); i += 3) {
			String customer = (String) answer.get(i);
			long held = ((Number) answer.get(i + 1)).longValue();
			long counted = ((Number) answer.get(i + 2)).longValue();
			if (held > limit) {
				over.add(customer + " holds " + held);
			}
			if (held != counted) {
				drift.add(customer + " holds " + held + ", counter says " + counted);
			}
			if (this.suspects.size() < MAX_SUSPECTS) {
				this.suspects.add(customer);
			}
		}
		return new Findings(over, drift, ((Number) answer.get(1)).intValue(), this.passes);
	}

	/**
	 * @param over customers holding more than the limit
	 * @param drift customers whose counter disagrees with their orders
	 * @param compared customers compared in this audit
	 * @param passes full passes over every customer this replica finished
	 */
	record Findings(List<String> over, List<String> drift, int compared, long passes) {

	}

}
