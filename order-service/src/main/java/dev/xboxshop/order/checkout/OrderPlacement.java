package dev.xboxshop.order.checkout;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.ProblemException;
import dev.xboxshop.order.checkout.IdempotencyKeys.Claim;

/**
 * Places an order exactly once per idempotency key: claims the key, hands the order to
 * the checkout of its mode, and stores the final response for every retry. A duplicate
 * that arrives while the first is still running waits for the first outcome, woken when
 * the key is settled ({@link KeySignals}).
 */
@Component
class OrderPlacement {

	/**
	 * How often a waiting duplicate looks at the key again without being woken (a lost
	 * message, or an owner that crashed and whose lease must run out).
	 */
	static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

	/** The histogram's range: a sold-out answer from Redis up to the gateway's 15 s. */
	private static final Duration HISTOGRAM_MIN = Duration.ofMillis(1);

	private static final Duration HISTOGRAM_MAX = Duration.ofSeconds(30);

	private final IdempotencyKeys keys;

	private final KeySignals signals;

	private final Checkouts checkouts;

	private final OrderRepository orders;

	private final JsonMapper json;

	private final Duration maxWait;

	private final MeterRegistry meters;

	OrderPlacement(IdempotencyKeys keys, KeySignals signals, Checkouts checkouts, OrderRepository orders,
			JsonMapper json, OrderProperties properties, MeterRegistry meters) {
		this.keys = keys;
		this.signals = signals;
		this.orders = orders;
		this.meters = meters;
		this.checkouts = checkouts;
		this.json = json;
		this.maxWait = properties.idempotency().maxWait();
	}

	StoredResponse place(String key, CheckoutMode mode, OrderForm form) {
		String fingerprint = form.fingerprint();
		String owner = UUID.randomUUID().toString();
		String candidateOrderId = UUID.randomUUID().toString();
		long giveUpAt = System.nanoTime() + this.maxWait.toNanos();
		Claim claim = this.keys.claim(key, fingerprint, candidateOrderId, owner);
		if (claim.state() == Claim.State.PENDING) {
			// a duplicate: wait to be woken by the owner's settlement
			try (KeySignals.Watch watch = this.signals.watch(key)) {
				claim = this.keys.claim(key, fingerprint, candidateOrderId, owner);
				while (claim.state() == Claim.State.PENDING) {
					long left = giveUpAt - System.nanoTime();
					if (left <= 0) {
						throw new IdempotencyKeyInUse();
					}
					watch.await(Duration.ofNanos(Math.min(left, LOOK_AGAIN.toNanos())));
					claim = this.keys.claim(key, fingerprint, candidateOrderId, owner);
				}
			}
		}
		return switch (claim.state()) {
			case CLAIMED -> run(key, owner, replayedMode(claim, candidateOrderId, mode),
					new PlacementRequest(claim.orderId(), form.customerId(), form.items(), key));
			case DONE -> claim.response();
			default -> throw new IdempotencyKeyReused();
		};
	}

	/**
	 * A key already bound to an order (an earlier attempt failed after it was stored) is
	 * settled by that order's own mode, whatever this request asks for: an async order is
	 * never reserved over HTTP, nor a sync order answered 202 with no event.
	 */
	private CheckoutMode replayedMode(Claim claim, String candidateOrderId, CheckoutMode requested) {
		if (claim.orderId().equals(candidateOrderId)) {
			return requested;
		}
		return this.orders.find(claim.orderId()).map(Order::mode).orElse(requested);
	}

	private StoredResponse run(String key, String owner, CheckoutMode mode, PlacementRequest request) {
		Timer.Sample sample = Timer.start(this.meters);
		CheckoutOutcome outcome;
		try {
			outcome = this.checkouts.forMode(mode).place(request);
		}
		catch (RuntimeException ex) {
			// errors are not replayed: a retry may succeed once the cause is gone. The
			// order may exist although we saw an error (a Redis timeout after the create
			// script ran), so the key is freed only when it does not.
			abandon(key, owner, request.orderId(), ex);
			sample.stop(checkoutTimer(mode, (ex instanceof ProblemException problem) ? problem.slug() : "error"));
			throw ex;
		}
		sample.stop(checkoutTimer(mode, outcome.order().status().name().toLowerCase(Locale.ROOT)));
		StoredResponse response = render(outcome);
		this.keys.complete(key, owner, response);
		return response;
	}

	private void abandon(String key, String owner, String orderId, RuntimeException failure) {
		try {
			this.keys.abandon(key, owner, orderId);
		}
		catch (RuntimeException ex) {
			// Redis is failing too: the key stays claimed until its lease ends, then a
			// retry takes it over with the same order id
			failure.addSuppressed(ex);
		}
	}

	/** Every checkout is timed and counted, tagged by mode, as DESIGN.md asks. */
	private Timer checkoutTimer(CheckoutMode mode, String outcome) {
		// a histogram, so percentiles can be aggregated over replicas and time windows
		return Timer.builder("shop.checkout")
			.description("Checkouts by mode and outcome")
			.tag("mode", mode.value())
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.minimumExpectedValue(HISTOGRAM_MIN)
			.maximumExpectedValue(HISTOGRAM_MAX)
			.register(this.meters);
	}

	private StoredResponse render(CheckoutOutcome outcome) {
		String orderId = outcome.order().orderId();
		if (outcome.status() != HttpStatus.CONFLICT) {
			return new StoredResponse(outcome.status().value(), MediaType.APPLICATION_JSON_VALUE,
					this.json.writeValueAsString(outcome.order()), orderId);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemException.type("sold-out").toString());
		problem.put("title", "Sold out");
		problem.put("status", HttpStatus.CONFLICT.value());
		problem.put("detail", outcome.order().reason());
		problem.put("instance", "/api/orders/" + orderId);
		problem.put("orderId", orderId);
		problem.put("order", outcome.order());
		return new StoredResponse(HttpStatus.CONFLICT.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				this.json.writeValueAsString(problem), orderId);
	}

}
