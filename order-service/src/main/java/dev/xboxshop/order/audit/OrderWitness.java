package dev.xboxshop.order.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.RedisKeys;

/**
 * The auditor's witness outside Redis: every order's latest state as the compacted ledger
 * topic holds it. The scripts that change an order write its ledger record to the outbox
 * in the same step ({@code audit-counters.lua}), and the relay publishes it; every
 * replica reads the whole topic from its start, so a replica that starts after Redis was
 * wiped still knows every order. A wiped or rolled-back Redis loses orders and the
 * figures that count them together, so the figures alone still agree; the witness names
 * what is gone.
 * <p>
 * What it cannot see: an order Redis lost before the relay published its record (with the
 * shop's {@code appendfsync everysec}, the last second before a crash).
 */
@Component
class OrderWitness implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrderWitness.class);

	private static final int CHECK_BATCH = 2000;

	/** The most ids a finding lists (the counts are whole). */
	private static final int LISTED = 100;

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration FAILURE_PAUSE = Duration.ofSeconds(2);

	private static final Duration FIRST_READ_WAIT = Duration.ofSeconds(3);

	/** How often the witness asks where its topic ends, to say whether it caught up. */
	private static final Duration LOOK_EVERY = Duration.ofMillis(500);

	/** How long the audit lets the witness catch up with records just published. */
	private static final Duration SETTLE = Duration.ofSeconds(1);

	private final Map<String, Witnessed> orders = new ConcurrentHashMap<>();

	private final KafkaProperties kafka;

	private final String topic;

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile boolean running;

	/** Whether the last poll found the witness at the end of every partition. */
	private volatile boolean caughtUp;

	/** Counted down once the witness first read to the end of its topic. */
	private final CountDownLatch readOnce = new CountDownLatch(1);

	/** Records written before this moment (millis) are ignored: see {@link #forget()}. */
	private volatile long forgottenBefore;

	private volatile KafkaConsumer<String, String> consumer;

	private Thread thread;

	OrderWitness(KafkaProperties kafka, OrderProperties properties, StringRedisTemplate redis, Clock clock) {
		this.kafka = kafka;
		this.topic = properties.kafka().ledgerTopic();
		this.redis = redis;
		this.clock = clock;
	}

	/**
	 * Every order the witness says the store must hold, looked up in the store.
	 * @return what is missing or rolled back
	 */
	Findings check() {
		try {
			// an audit right after start-up waits a moment for the first full read
			this.readOnce.await(FIRST_READ_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.readOnce.getCount() > 0) {
			return new Findings(this.topic, false, false, this.orders.size(), 0, 0, List.of(), 0, List.of());
		}
		Findings first = compare();
		if (first.missingCount() == 0 && first.rolledBackCount() == 0) {
			return first;
		}
		// an order retired or discarded a moment ago: its record may still be on its way
		try {
			Thread.sleep(SETTLE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return compare();
	}

	private Findings compare() {
		List<Map.Entry<String, Witnessed>> owed = new ArrayList<>();
		this.orders.forEach((id, witnessed) -> {
			if (witnessed.mustBeStored()) {
				owed.add(Map.entry(id, witnessed));
			}
		});
		// the most recent first: the ids a finding lists are the latest orders lost
		owed.sort(Comparator.comparingLong((Map.Entry<String, Witnessed> entry) -> entry.getValue().at()).reversed());
		List<String> missing = new ArrayList<>();
		List<String> rolledBack = new ArrayList<>();
		long missingCount = 0;
		long rolledBackCount = 0;
		for (int from = 0; from < owed.size(); from += CHECK_BATCH) {
			List<Map.Entry<String, Witnessed>> batch = owed.subList(from, Math.min(owed.size(), from + CHECK_BATCH));
			List<Object> stored = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
				for (Map.Entry<String, Witnessed> entry : batch) {
					connection.hashCommands()
						.hGet(RedisKeys.order(entry.getKey()).getBytes(StandardCharsets.UTF_8),
								"status".getBytes(StandardCharsets.UTF_8));
				}
				return null;
			});
			for (int i = 0; i < batch.size(); i++) {
				String id = batch.get(i).getKey();
				Object status = stored.get(i);
				// the witness may lag the store, never lead it: re-read what it says now
				Witnessed now = this.orders.get(id);
				if (now == null || !now.mustBeStored()) {
					continue;
				}
				if (status == null) {
					missingCount++;
					if (missing.size() < LISTED) {
						missing.add(id);
					}
				}
				else if (now.isFinal() && "ACCEPTED".equals(status)) {
					rolledBackCount++;
					if (rolledBack.size() < LISTED) {
						rolledBack.add(id + " (" + now.status() + " in the witness, ACCEPTED stored)");
					}
				}
			}
		}
		return new Findings(this.topic, true, this.caughtUp, this.orders.size(), owed.size(), missingCount, missing,
				rolledBackCount, rolledBack);
	}

	/**
	 * Start witnessing afresh: for tests that wipe the store on purpose between cases.
	 */
	void forget() {
		this.forgottenBefore = this.clock.millis();
		this.orders.clear();
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = new Thread(this::run, "order-witness");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<String, String> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			this.thread.join(FAILURE_PAUSE.toMillis() * 2);
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
		while (this.running) {
			try (KafkaConsumer<String, String> reader = newConsumer()) {
				this.consumer = reader;
				List<TopicPartition> partitions = partitions(reader);
				if (partitions.isEmpty()) {
					pause();
					continue;
				}
				reader.assign(partitions);
				reader.seekToBeginning(partitions);
				long lastLook = 0;
				while (this.running) {
					for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
						apply(record);
					}
					long now = System.nanoTime();
					if (now - lastLook > LOOK_EVERY.toNanos()) {
						lastLook = now;
						Map<TopicPartition, Long> end = reader.endOffsets(partitions, FAILURE_PAUSE);
						this.caughtUp = partitions.stream()
							.allMatch((partition) -> reader.position(partition) >= end.get(partition));
						if (this.caughtUp) {
							this.readOnce.countDown();
						}
					}
				}
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				this.caughtUp = false;
				log.warn("Order witness paused: {}", NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
				pause();
			}
			finally {
				this.consumer = null;
			}
		}
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, String> reader) {
		return reader.partitionsFor(this.topic)
			.stream()
			.map((info) -> new TopicPartition(this.topic, info.partition()))
			.toList();
	}

	private void apply(ConsumerRecord<String, String> record) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		JsonNode value;
		try {
			value = this.json.readTree(record.value());
		}
		catch (RuntimeException ex) {
			log.warn("Unreadable ledger record at {}-{}@{}", record.topic(), record.partition(), record.offset());
			return;
		}
		Witnessed next = new Witnessed(value.path("mode").asString(""), value.path("status").asString(""),
				value.path("at").asLong(0));
		if (next.at() < this.forgottenBefore) {
			return;
		}
		// the relays of several replicas may publish one order's records out of order: a
		// later state never gives way to an earlier one
		this.orders.merge(record.key(), next, Witnessed::later);
	}

	private KafkaConsumer<String, String> newConsumer() {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "order-witness");
		// the topic is declared compacted at start-up; never let a read create it plain
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	private void pause() {
		try {
			Thread.sleep(FAILURE_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/**
	 * An order as the ledger last told of it.
	 *
	 * @param mode the checkout mode it was placed in
	 * @param status its status, or {@code DISCARDED} (never acknowledged) or
	 * {@code RETIRED} (past its retention)
	 * @param at when (millis)
	 */
	record Witnessed(String mode, String status, long at) {

		int rank() {
			return switch (this.status) {
				case "ACCEPTED" -> 0;
				case "DISCARDED", "RETIRED" -> 2;
				default -> 1;
			};
		}

		boolean isFinal() {
			return rank() == 1;
		}

		/**
		 * Whether the store must still hold the order: it was acknowledged (a final
		 * state, or an async order accepted) and has not left the store on purpose. A
		 * sync order still ACCEPTED was never acknowledged and may yet be discarded.
		 */
		boolean mustBeStored() {
			return isFinal() || (rank() == 0 && !"sync".equals(this.mode));
		}

		static Witnessed later(Witnessed a, Witnessed b) {
			if (a.rank() != b.rank()) {
				return (a.rank() > b.rank()) ? a : b;
			}
			return (b.at() >= a.at()) ? b : a;
		}

	}

	/**
	 * @param topic the ledger topic
	 * @param read whether the witness has read its whole topic once since start-up (else
	 * it cannot judge yet)
	 * @param caughtUp whether the witness had read to the end of the topic at its last
	 * poll
	 * @param witnessed orders the witness knows
	 * @param owed orders the store must hold by the witness
	 * @param missingCount how many of those the store does not hold
	 * @param missing their ids (the hundred most recent)
	 * @param rolledBackCount how many the store holds in an earlier state (ACCEPTED again
	 * after a final state)
	 * @param rolledBack those, with both states (the first hundred)
	 */
	record Findings(String topic, boolean read, boolean caughtUp, long witnessed, long owed, long missingCount,
			List<String> missing, long rolledBackCount, List<String> rolledBack) {

	}

}
