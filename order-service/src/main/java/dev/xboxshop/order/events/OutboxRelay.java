package dev.xboxshop.order.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.RedisKeys;
import dev.xboxshop.websupport.tracing.TraceParents;

/**
 * Publishes the outbox stream to {@code orders.placed}. Every replica runs one relay in
 * the stream's consumer group; an entry is acknowledged and deleted only after the broker
 * acknowledged the record, so an accepted order's event survives a broker outage (it
 * waits in the stream) and a crashed replica (another claims its idle entries). Each
 * record is sent in the trace of the request that stored its entry, so an async order is
 * one trace from the shopper's click to inventory's answer.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

	static final String GROUP = "relay";

	/** The circuit breaker's name: the downstream's. */
	static final String BREAKER = "kafka";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final RedisScript<Long> ACK_AND_DELETE = RedisScript
		.of(new ClassPathResource("scripts/ack-outbox-entry.lua"), Long.class);

	private static final int BATCH = 500;

	/**
	 * How long an entry stays unacknowledged before another relay takes it over. A live
	 * relay touches its entries at least every 16 s (15 s delivery timeout, then a
	 * re-read), and a taken-over entry must still reach inventory well within the async
	 * deadline.
	 */
	static final Duration IDLE_BEFORE_CLAIM = Duration.ofSeconds(20);

	/**
	 * How long a relay has not asked the stream for anything before it counts as gone (a
	 * live one reads at least every {@code POLL}, or once a second while it pauses,
	 * unless a publish holds it): its entries are taken over at once, so that an escrow
	 * replica's sales reach inventory before its lease gives the units back (5 s expiry
	 * and 5 s grace), and an async order's event well within its deadline. A relay held
	 * by a slow broker is taken over too; the record is then published twice, which every
	 * consumer takes once.
	 */
	static final Duration GONE_AFTER = Duration.ofSeconds(3);

	private static final Duration CLAIM_EVERY = Duration.ofSeconds(1);

	/** How long a gone relay with nothing pending stays a member of the group. */
	private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

	private static final Duration SEND_WAIT = Duration.ofSeconds(30);

	private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

	private static final Duration POLL = Duration.ofMillis(200);

	private final StringRedisTemplate redis;

	private final KafkaTemplate<String, Object> kafka;

	/**
	 * {@code resilience4j.circuitbreaker.instances.kafka}: open, the relay waits it out.
	 */
	private final CircuitBreaker broker;

	private final TraceParents traces;

	private final Consumer consumer = Consumer.from(GROUP, "relay-" + UUID.randomUUID());

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	/** When to look for abandoned entries next; 0: at once, so also at start-up. */
	private long nextClaim;

	private final String ledgerTopic;

	/**
	 * From an entry's write to the broker's acknowledgement, for the witness's ledger
	 * records and for events: how long an acknowledged order is known only to the store
	 * (a store lost in that time takes the order with it unseen by the witness).
	 */
	private final Timer ledgerDelay;

	private final Timer eventDelay;

	OutboxRelay(StringRedisTemplate redis, KafkaTemplate<String, Object> kafka, CircuitBreakerRegistry breakers,
			TraceParents traces, OrderProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.kafka = kafka;
		this.broker = breakers.circuitBreaker(BREAKER);
		this.traces = traces;
		this.ledgerTopic = properties.kafka().ledgerTopic();
		this.ledgerDelay = delayTimer(meters, "ledger");
		this.eventDelay = delayTimer(meters, "event");
	}

	private static Timer delayTimer(MeterRegistry meters, String record) {
		return Timer.builder("shop.outbox.relay.delay")
			.description("From an outbox entry's write to the broker's acknowledgement")
			.tag("record", record)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(2))
			.register(meters);
	}

	/** Look at the stream now rather than at the next poll (an entry was just added). */
	public void wake() {
		this.wakeUp.release();
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = new Thread(this::run, "outbox-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(SEND_WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		boolean groupReady = false;
		while (this.running) {
			try {
				if (!groupReady) {
					createGroup();
					groupReady = true;
				}
				if (!relayBatch()) {
					this.wakeUp.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUp.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay paused: {}", NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
				groupReady = false;
				if (!pause()) {
					return;
				}
			}
		}
	}

	/**
	 * Publish one batch: this relay's unacknowledged entries first (an earlier attempt
	 * failed), else new ones.
	 * @return whether there was anything to publish
	 */
	private boolean relayBatch() throws InterruptedException {
		List<MapRecord<String, Object, Object>> batch = read(ReadOffset.from("0"));
		if (batch.isEmpty()) {
			claimAbandoned();
			batch = read(ReadOffset.lastConsumed());
		}
		if (batch.isEmpty()) {
			return false;
		}
		// an open breaker throws CallNotPermittedException here: the relay pauses
		this.broker.acquirePermission();
		long started = System.nanoTime();
		try {
			publish(batch);
		}
		catch (RuntimeException ex) {
			this.broker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, ex);
			throw ex;
		}
		catch (InterruptedException ex) {
			this.broker.releasePermission();
			throw ex;
		}
		this.broker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		return true;
	}

	private void publish(List<MapRecord<String, Object, Object>> batch) throws InterruptedException {
		List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>();
		for (MapRecord<String, Object, Object> entry : batch) {
			// an entry names its topic when it is not orders.placed (escrow sales); a
			// ledger record goes to the auditor's witness
			Object topic = entry.getValue().containsKey("ledger") ? this.ledgerTopic
					: entry.getValue().getOrDefault("topic", Topics.ORDERS_PLACED);
			String traceparent = (String) entry.getValue().get(TraceParents.TRACEPARENT);
			sends.add(this.traces.inSpan(traceparent, "outbox publish", () -> this.kafka.send((String) topic,
					(String) entry.getValue().get("key"), entry.getValue().get("payload"))));
		}
		List<RecordId> published = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			try {
				sends.get(i).get(SEND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
				published.add(batch.get(i).getId());
				recordDelay(batch.get(i));
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				// stays pending: read again by this relay, or claimed by another
			}
		}
		acknowledge(published);
		int failed = batch.size() - published.size();
		if (failed > 0) {
			throw new IllegalStateException(failed + " of " + batch.size() + " outbox entries not published yet");
		}
	}

	private void recordDelay(MapRecord<String, Object, Object> entry) {
		// a stream entry's id starts with the Redis server's clock at the write
		long delay = Math.max(0, System.currentTimeMillis() - entry.getId().getTimestamp());
		Timer timer = entry.getValue().containsKey("ledger") ? this.ledgerDelay : this.eventDelay;
		timer.record(delay, TimeUnit.MILLISECONDS);
	}

	private List<MapRecord<String, Object, Object>> read(ReadOffset offset) {
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
			.read(this.consumer, StreamReadOptions.empty().count(BATCH), StreamOffset.create(RedisKeys.OUTBOX, offset));
		if (records == null) {
			return List.of();
		}
		List<MapRecord<String, Object, Object>> publishable = new ArrayList<>();
		List<RecordId> empty = new ArrayList<>();
		for (MapRecord<String, Object, Object> record : records) {
			if (record.getValue() == null || record.getValue().get("payload") == null) {
				empty.add(record.getId());
			}
			else {
				publishable.add(record);
			}
		}
		acknowledge(empty);
		return publishable;
	}

	/**
	 * Take over entries a replica read but never acknowledged (it stopped or crashed): at
	 * start-up, then every second; those of a relay gone quiet at once, any other once
	 * idle long. A relay gone long with nothing pending leaves the group (a restarted
	 * replica joins under a new name).
	 */
	private void claimAbandoned() {
		long now = System.currentTimeMillis();
		if (now < this.nextClaim) {
			return;
		}
		this.nextClaim = now + CLAIM_EVERY.toMillis();
		List<RecordId> idle = new ArrayList<>();
		for (PendingMessage pending : this.redis.opsForStream()
			.pending(RedisKeys.OUTBOX, GROUP, Range.unbounded(), BATCH)) {
			if (pending.getElapsedTimeSinceLastDelivery().compareTo(IDLE_BEFORE_CLAIM) > 0) {
				idle.add(pending.getId());
			}
		}
		claim(idle, IDLE_BEFORE_CLAIM);
		for (XInfoConsumer other : this.redis.opsForStream().consumers(RedisKeys.OUTBOX, GROUP)) {
			if (other.consumerName().equals(this.consumer.getName()) || other.idleTimeMs() <= GONE_AFTER.toMillis()) {
				continue;
			}
			Consumer gone = Consumer.from(GROUP, other.consumerName());
			if (other.pendingCount() > 0) {
				claim(this.redis.opsForStream()
					.pending(RedisKeys.OUTBOX, gone, Range.unbounded(), BATCH)
					.stream()
					.map(PendingMessage::getId)
					.toList(), GONE_AFTER);
			}
			else if (other.idleTimeMs() > FORGET_AFTER.toMillis()) {
				// idle far longer than any publish can hold a live relay: it cannot be
				// reading now
				this.redis.opsForStream().deleteConsumer(RedisKeys.OUTBOX, gone);
			}
		}
	}

	private void claim(List<RecordId> ids, Duration minIdle) {
		if (!ids.isEmpty()) {
			this.redis.opsForStream()
				.claim(RedisKeys.OUTBOX, GROUP, this.consumer.getName(), minIdle, ids.toArray(RecordId[]::new));
		}
	}

	/** Acknowledge and delete entries, in one script call. */
	private void acknowledge(List<RecordId> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Object[] args = new Object[ids.size() + 1];
		args[0] = GROUP;
		for (int i = 0; i < ids.size(); i++) {
			args[i + 1] = ids.get(i).getValue();
		}
		this.redis.execute(ACK_AND_DELETE, List.of(RedisKeys.OUTBOX), args);
	}

	private void createGroup() {
		try {
			this.redis.execute((RedisCallback<String>) (connection) -> connection.streamCommands()
				.xGroupCreate(RedisKeys.OUTBOX.getBytes(StandardCharsets.UTF_8), GROUP, ReadOffset.from("0"), true));
		}
		catch (DataAccessException ex) {
			if (!String.valueOf(ex.getMostSpecificCause().getMessage()).contains("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	private boolean pause() {
		try {
			Thread.sleep(FAILURE_PAUSE.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
