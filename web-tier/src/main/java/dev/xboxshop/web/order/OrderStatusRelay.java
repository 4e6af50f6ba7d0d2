package dev.xboxshop.web.order;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.xboxshop.web.WebTierProperties;
import dev.xboxshop.web.gateway.ClientAddress;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.gateway.GatewayProblem;
import dev.xboxshop.web.gateway.Order;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams an order's status to its page as server-sent events. It polls {@code GET
 * /api/orders/{id}} through the gateway rather than relaying the upstream stream: a poll
 * survives a gateway or order-service restart, and the page's EventSource reconnects on
 * its own if this stream drops. Each change is sent once; the stream ends at a final
 * status or after the watch limit. Comments sent now and then notice a closed tab so its
 * polling stops.
 */
@Component
class OrderStatusRelay implements DisposableBean {

	static final String EVENT = "status";

	private static final int POLLS_PER_KEEP_ALIVE = 10;

	private final GatewayClient gateway;

	private final ExecutorService executor;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "order-status-ticker");
		thread.setDaemon(true);
		return thread;
	});

	private final Duration interval;

	private final Duration limit;

	OrderStatusRelay(GatewayClient gateway, @Qualifier("partsExecutor") ExecutorService executor,
			WebTierProperties properties) {
		this.gateway = gateway;
		this.executor = executor;
		this.interval = properties.orderPollInterval();
		this.limit = properties.orderWatchLimit();
	}

	SseEmitter watch(String orderId) {
		SseEmitter emitter = new SseEmitter(this.limit.toMillis());
		Watch watch = new Watch(orderId, emitter);
		emitter.onCompletion(watch::stop);
		emitter.onTimeout(watch::stop);
		emitter.onError((failure) -> watch.stop());
		watch.pollAfter(Duration.ZERO);
		return emitter;
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
	}

	private final class Watch {

		private final SseEmitter emitter;

		private final Supplier<Order> fetch;

		private volatile boolean stopped;

		private String lastSent;

		private int quietPolls;

		Watch(String orderId, SseEmitter emitter) {
			this.emitter = emitter;
			// created on the request thread: the polls count against this shopper's
			// limits
			this.fetch = ClientAddress.carrying(() -> OrderStatusRelay.this.gateway.order(orderId));
		}

		void stop() {
			this.stopped = true;
		}

		void pollAfter(Duration delay) {
			if (this.stopped) {
				return;
			}
			OrderStatusRelay.this.ticker.schedule(this::startPoll, delay.toMillis(), TimeUnit.MILLISECONDS);
		}

		private void startPoll() {
			try {
				OrderStatusRelay.this.executor.execute(this::poll);
			}
			catch (RejectedExecutionException busy) {
				pollAfter(OrderStatusRelay.this.interval);
			}
		}

		private synchronized void poll() {
			if (this.stopped) {
				return;
			}
			try {
				Order order = this.fetch.get();
				sendIfChanged(OrderStatus.of(order));
				if (order.isFinal()) {
					this.emitter.complete();
					stop();
					return;
				}
			}
			catch (GatewayProblem problem) {
				if (problem.status() == 404) {
					this.emitter.complete();
					stop();
					return;
				}
			}
			catch (IOException | IllegalStateException pageGone) {
				stop();
				return;
			}
			catch (RuntimeException gatewayTrouble) {
				// try again on the next poll; the page keeps showing the last status
				// meanwhile
			}
			pollAfter(OrderStatusRelay.this.interval);
		}

		private void sendIfChanged(OrderStatus status) throws IOException {
			String fingerprint = status.status() + "|" + status.reason();
			if (fingerprint.equals(this.lastSent)) {
				keepAlive();
				return;
			}
			this.emitter.send(SseEmitter.event().name(EVENT).data(status, MediaType.APPLICATION_JSON));
			this.lastSent = fingerprint;
			this.quietPolls = 0;
		}

		private void keepAlive() throws IOException {
			if (++this.quietPolls >= POLLS_PER_KEEP_ALIVE) {
				this.emitter.send(SseEmitter.event().comment("keep-alive"));
				this.quietPolls = 0;
			}
		}

	}

}
