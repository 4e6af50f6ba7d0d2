package dev.xboxshop.order.checkout;

import java.time.Clock;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.RedisKeys;

/**
 * Idempotency keys in Redis, claimed atomically by a Lua script: one request owns a key
 * and places the order; duplicates wait for its stored response and replay it.
 */
@Component
class IdempotencyKeys {

	private static final RedisScript<List> CLAIM = script("claim-idempotency-key", List.class);

	private static final RedisScript<Long> COMPLETE = script("complete-idempotency-key", Long.class);

	private static final RedisScript<Long> ABANDON = script("abandon-idempotency-key", Long.class);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final OrderProperties.Idempotency settings;

	IdempotencyKeys(StringRedisTemplate redis, Clock clock, OrderProperties properties) {
		this.redis = redis;
		this.clock = clock;
		this.settings = properties.idempotency();
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return RedisScript.of(new ClassPathResource("scripts/" + name + ".lua"), type);
	}

	/**
	 * Claim a key, or learn who has it.
	 * @param key the Idempotency-Key
	 * @param fingerprint the request body's fingerprint
	 * @param orderId the order id to use if this claim is the first
	 * @param owner a token naming this attempt
	 * @return the claim
	 */
	Claim claim(String key, String fingerprint, String orderId, String owner) {
		long now = this.clock.millis();
		List<?> result = this.redis.execute(CLAIM, List.of(RedisKeys.idempotencyKey(key)), fingerprint, orderId, owner,
				String.valueOf(now), String.valueOf(now + this.settings.lease().toMillis()),
				String.valueOf(this.settings.retention().toSeconds()));
		Claim.State state = Claim.State.valueOf((String) result.get(0));
		String claimedOrderId = (String) result.get(1);
		if (state == Claim.State.DONE) {
			return new Claim(state, claimedOrderId, new StoredResponse(Integer.parseInt((String) result.get(2)),
					(String) result.get(3), (String) result.get(4), claimedOrderId));
		}
		return new Claim(state, claimedOrderId, null);
	}

	/** Store the response of an owned key for every retry to replay. */
	void complete(String key, String owner, StoredResponse response) {
		this.redis.execute(COMPLETE, List.of(RedisKeys.idempotencyKey(key)), owner, String.valueOf(response.status()),
				response.contentType(), response.body(), String.valueOf(this.settings.retention().toSeconds()),
				RedisKeys.KEY_SETTLED_CHANNEL, key);
	}

	/**
	 * Free an owned key whose attempt ended in an answer that is not replayed. The key is
	 * deleted only while no order exists under its order id; otherwise it stays bound to
	 * that order and only the lease ends, so a retry settles the same order.
	 * @param key the Idempotency-Key
	 * @param owner the token of the attempt that claimed it
	 * @param orderId the order id bound to the key
	 */
	void abandon(String key, String owner, String orderId) {
		this.redis.execute(ABANDON, List.of(RedisKeys.idempotencyKey(key), RedisKeys.order(orderId)), owner, orderId,
				RedisKeys.KEY_SETTLED_CHANNEL, key);
	}

	/**
	 * @param state what the claim found
	 * @param orderId the order id bound to the key
	 * @param response the stored response when DONE
	 */
	record Claim(State state, String orderId, StoredResponse response) {

		enum State {

			/** This attempt owns the key and places the order. */
			CLAIMED,
			/** Another attempt owns it and has not finished. */
			PENDING,
			/** Finished; replay the response. */
			DONE,
			/** The key was used with a different body. */
			MISMATCH

		}

	}

}
