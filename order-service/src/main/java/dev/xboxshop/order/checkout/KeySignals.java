package dev.xboxshop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.RedisKeys;

/**
 * Wakes the duplicates waiting on an idempotency key when its owner settles it. The key
 * scripts publish the key on a Redis channel when they store a response or free the key,
 * so the owner may be any replica. Pub/sub may drop a message while the subscription
 * reconnects, and an owner that crashed never publishes: a waiter also looks again after
 * a while ({@link Watch#await}).
 */
@Component
class KeySignals {

	private final Map<String, Set<Watch>> watches = new ConcurrentHashMap<>();

	KeySignals(RedisMessageListenerContainer channels) {
		channels.addMessageListener(
				(message, pattern) -> settled(new String(message.getBody(), StandardCharsets.UTF_8)),
				new ChannelTopic(RedisKeys.KEY_SETTLED_CHANNEL));
	}

	/**
	 * Start listening for a key; watch before looking at the key, so a settlement in
	 * between is not missed.
	 * @param key the Idempotency-Key
	 * @return the watch, to close when done
	 */
	Watch watch(String key) {
		Watch watch = new Watch(key);
		this.watches.compute(key, (k, set) -> {
			Set<Watch> forKey = (set != null) ? set : ConcurrentHashMap.newKeySet();
			forKey.add(watch);
			return forKey;
		});
		return watch;
	}

	void settled(String key) {
		Set<Watch> forKey = this.watches.get(key);
		if (forKey != null) {
			forKey.forEach((watch) -> watch.signal.release());
		}
	}

	/** One waiter's subscription to a key. */
	final class Watch implements AutoCloseable {

		private final String key;

		private final Semaphore signal = new Semaphore(0);

		private Watch(String key) {
			this.key = key;
		}

		/**
		 * Wait until the key is settled or the time is up, whichever comes first.
		 * @param atMost the longest wait
		 */
		void await(Duration atMost) {
			try {
				if (this.signal.tryAcquire(Math.max(atMost.toNanos(), 0), TimeUnit.NANOSECONDS)) {
					this.signal.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void close() {
			KeySignals.this.watches.computeIfPresent(this.key, (k, set) -> {
				set.remove(this);
				return set.isEmpty() ? null : set;
			});
		}

	}

}
