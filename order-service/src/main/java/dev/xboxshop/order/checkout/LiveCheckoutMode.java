package dev.xboxshop.order.checkout;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.RedisKeys;

/**
 * The checkout mode an operator switched to, shared by every replica through Redis. Each
 * replica trusts its copy for at most {@code shop.checkout.mode-refresh} (500 ms), so a
 * switch is seen everywhere within a second without a Redis read per order.
 */
@Component
public class LiveCheckoutMode {

	private static final Logger log = LoggerFactory.getLogger(LiveCheckoutMode.class);

	private final StringRedisTemplate redis;

	private final CheckoutProperties properties;

	private final Clock clock;

	private volatile Reading last;

	LiveCheckoutMode(StringRedisTemplate redis, CheckoutProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	public CheckoutMode current() {
		Reading reading = this.last;
		long now = this.clock.millis();
		if (reading != null && now - reading.at() < this.properties.modeRefresh().toMillis()) {
			return reading.mode();
		}
		try {
			CheckoutMode mode = CheckoutMode.parse(this.redis.opsForValue().get(RedisKeys.CHECKOUT_MODE))
				.orElse(this.properties.mode());
			this.last = new Reading(mode, now);
			return mode;
		}
		catch (DataAccessException ex) {
			log.warn("Could not read the live checkout mode: {}", ex.getMessage());
			return (reading != null) ? reading.mode() : this.properties.mode();
		}
	}

	/**
	 * Switch every replica to a mode.
	 * @param mode the mode
	 * @return the mode now in force
	 */
	public CheckoutMode switchTo(CheckoutMode mode) {
		this.redis.opsForValue().set(RedisKeys.CHECKOUT_MODE, mode.value());
		this.last = new Reading(mode, this.clock.millis());
		return mode;
	}

	public CheckoutMode defaultMode() {
		return this.properties.mode();
	}

	private record Reading(CheckoutMode mode, long at) {

	}

}
