package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.xboxshop.testsupport.ChildProcesses;

/**
 * The faults of the fault suite. Each one is injected under steady load and healed before
 * it returns; {@link FaultSuite} then settles and judges the row.
 */
enum Fault {

	ORDER_KILL("order-kill", "kill -9 of every order-service replica, restarted after the hold") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.killForTheHold(ORDERS);
		}
	},

	ORDER_KILL_CANCELLING("order-kill-cancelling",
			"stock taken away so orders are cancelled, then kill -9 of every order-service replica between the"
					+ " cancellations and their releases") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.setStock(0);
			ChildProcesses.pause(Duration.ofMillis(1500));
			suite.killForTheHold(ORDERS);
		}
	},

	REPLICA_KILL("replica-kill",
			"kill -9 of one order-service replica (in escrow: a lease holder) while the other keeps serving") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.killForTheHold("order-service-2");
		}
	},

	INVENTORY_KILL("inventory-kill", "kill -9 of every inventory-service replica, restarted after the hold") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.killForTheHold(INVENTORIES);
		}
	},

	INVENTORY_PAUSE("inventory-pause", "SIGSTOP of every inventory-service replica for 20 s, past every timeout") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.signal("STOP", INVENTORIES);
			try {
				suite.hold(Duration.ofSeconds(20));
			}
			finally {
				suite.signal("CONT", INVENTORIES);
			}
		}
	},

	LINK_DELAY("link-delay", "1.5 s added to every chunk between order-service and inventory-service (TCP proxy)") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.links((link) -> link.delay(1500));
			suite.hold(Duration.ZERO);
			suite.links(FaultProxy::heal);
		}
	},

	LINK_CUT("link-cut", "the link between order-service and inventory-service cut (nothing passes, nothing closes)") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.links(FaultProxy::cut);
			suite.hold(Duration.ZERO);
			suite.links(FaultProxy::heal);
		}
	},

	BROKER_STOP("broker-stop", "the Kafka broker stopped for 30 s, then started") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.shop().broker().stop();
			try {
				suite.hold(Duration.ofSeconds(30));
			}
			finally {
				suite.shop().broker().start();
			}
		}
	},

	BROKER_KILL("broker-kill", "kill -9 of the Kafka broker, started again after the hold") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.shop().broker().kill();
			try {
				suite.hold(Duration.ZERO);
			}
			finally {
				suite.shop().broker().start();
			}
		}
	},

	CONSUMER_KILL("consumer-kill", "a burst of 150 buyers, then kill -9 of every inventory-service replica (the"
			+ " orders.placed consumers) mid-batch") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.killMidBurst(load, Duration.ofMillis(300), INVENTORIES);
		}
	},

	RELAY_KILL("relay-kill", "a burst of 150 buyers, then kill -9 of every order-service replica while the outbox"
			+ " relay publishes (between publish and acknowledge)") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.killMidBurst(load, Duration.ofMillis(150), ORDERS);
		}
	},

	EVENTS_REPLAYED("events-replayed",
			"every event of the row published again twice, newest first (duplicated and" + " reordered)") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			long since = System.currentTimeMillis() - 4000;
			ChildProcesses.pause(Duration.ofSeconds(2));
			suite.replayEvents(since);
		}
	},

	EVENTS_POISON("events-poison", "unreadable and meaningless records on every event topic") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			suite.publishPoison();
			suite.hold(Duration.ZERO);
		}
	},

	REDIS_KILL("redis-kill", "kill -9 of Redis, restarted on its append-only file (fsynced every second)") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			ProcessHandle redis = suite.shop().redisProcess();
			redis.destroyForcibly();
			redis.onExit().join();
			ChildProcesses.pause(Duration.ofSeconds(2));
			suite.shop().restartRedis();
		}
	},

	REDIS_WIPE("redis-wipe", "kill -9 of Redis and its data lost (started empty): the auditor must see the loss;"
			+ " destroys the shop's state, so it runs last") {
		@Override
		void inject(FaultSuite suite, FaultLoad load) {
			ProcessHandle redis = suite.shop().redisProcess();
			redis.destroyForcibly();
			redis.onExit().join();
			deleteContents(suite.shop().options().workDir().resolve("redis"));
			suite.shop().restartRedis();
			// inventory seeds its catalog and stock again when it starts on an empty
			// store
			suite.restart(INVENTORIES);
		}
	};

	static final String[] ORDERS = { "order-service", "order-service-2" };

	static final String[] INVENTORIES = { "inventory-service", "inventory-service-2" };

	static final List<String> NAMES = Arrays.stream(values()).map(Fault::faultName).toList();

	/** Every fault but the one that destroys the store on purpose. */
	static final List<String> DEFAULT = NAMES.stream().filter((name) -> !name.equals("redis-wipe")).toList();

	private final String name;

	private final String what;

	Fault(String name, String what) {
		this.name = name;
		this.what = what;
	}

	String faultName() {
		return this.name;
	}

	String what() {
		return this.what;
	}

	/** Inject the fault while the load runs, and heal it before returning. */
	abstract void inject(FaultSuite suite, FaultLoad load);

	static Fault named(String name) {
		return Arrays.stream(values())
			.filter((fault) -> fault.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown fault: " + name + "; one of " + NAMES));
	}

	private static void deleteContents(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).filter((file) -> !file.equals(dir)).forEach((file) -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
