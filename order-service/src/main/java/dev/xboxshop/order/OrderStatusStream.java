package dev.xboxshop.order;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of order status changes. The status scripts publish the order id on
 * a Redis channel, so a change made by any replica reaches the stream held open by this
 * one; a slow poll covers a message lost while the subscription reconnects.
 */
@Component
class OrderStatusStream {

	private final OrderRepository orders;

	private final OrderProperties properties;

	private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

	OrderStatusStream(OrderRepository orders, OrderProperties properties, RedisMessageListenerContainer channels) {
		this.orders = orders;
		this.properties = properties;
		channels.addMessageListener(
				(message, pattern) -> changed(new String(message.getBody(), StandardCharsets.UTF_8)),
				new ChannelTopic(RedisKeys.STATUS_CHANNEL));
	}

	/**
	 * Open a stream that sends the order's current state at once, then each change, and
	 * completes on a terminal state.
	 * @param order the order as just read
	 * @return the emitter
	 */
	SseEmitter open(Order order) {
		SseEmitter emitter = new SseEmitter(this.properties.sseTimeout().toMillis());
		Subscriber subscriber = new Subscriber(order.orderId(), emitter);
		// added and removed under the map's lock for the order id, so the sweep that
		// drops
		// empty sets cannot drop a set a new subscriber is being added to
		this.subscribers.compute(order.orderId(), (id, forOrder) -> {
			Set<Subscriber> set = (forOrder != null) ? forOrder : new CopyOnWriteArraySet<>();
			set.add(subscriber);
			return set;
		});
		Runnable remove = () -> unsubscribe(subscriber);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		// registered before the first send, so a change in between is not missed
		subscriber.send(this.orders.find(order.orderId()).orElse(order));
		return emitter;
	}

	void changed(String orderId) {
		Set<Subscriber> forOrder = this.subscribers.get(orderId);
		if (forOrder == null || forOrder.isEmpty()) {
			return;
		}
		this.orders.find(orderId).ifPresent((order) -> forOrder.forEach((subscriber) -> subscriber.send(order)));
	}

	private void unsubscribe(Subscriber subscriber) {
		this.subscribers.computeIfPresent(subscriber.orderId, (id, forOrder) -> {
			forOrder.remove(subscriber);
			return forOrder.isEmpty() ? null : forOrder;
		});
	}

	@Scheduled(fixedDelay = 2000)
	void pollOpenStreams() {
		for (String orderId : this.subscribers.keySet()) {
			this.subscribers.computeIfPresent(orderId, (id, forOrder) -> forOrder.isEmpty() ? null : forOrder);
		}
		this.subscribers.keySet().forEach(this::changed);
	}

	private static final class Subscriber {

		private final String orderId;

		private final SseEmitter emitter;

		private OrderStatus lastSent;

		private boolean completed;

		Subscriber(String orderId, SseEmitter emitter) {
			this.orderId = orderId;
			this.emitter = emitter;
		}

		synchronized void send(Order order) {
			if (this.completed || order.status() == this.lastSent) {
				return;
			}
			try {
				this.emitter.send(SseEmitter.event()
					.name("order")
					.id(this.orderId + ":" + order.status())
					.data(order, MediaType.APPLICATION_JSON));
				this.lastSent = order.status();
				if (order.status().isTerminal()) {
					this.completed = true;
					this.emitter.complete();
				}
			}
			catch (IOException | IllegalStateException ex) {
				this.completed = true;
				this.emitter.completeWithError(ex);
			}
		}

	}

}
