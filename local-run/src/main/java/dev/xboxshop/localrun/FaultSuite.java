package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import dev.xboxshop.testsupport.ChildProcesses;

/**
 * The fault suite: a shop of its own ({@code --replicas}, free ports, a TCP fault proxy
 * between each order-service and its inventory-service), steady buyers in every mode, and
 * one fault per row: inject, hold, heal, settle, then judge the row from the buyers'
 * answers, the orders as the shop now tells them, inventory's reservations and the
 * auditor (whose witness sees a wiped store). Run with {@code ./shop faults}.
 */
public final class FaultSuite {

	static final String SKU = "XBOX-SERIES-X";

	static final String OPERATOR_TOKEN = "fault-suite-operator";

	/**
	 * How long an UNKNOWN audit is asked again before the row takes it as its verdict.
	 */
	private static final Duration UNKNOWN_PATIENCE = Duration.ofSeconds(40);

	private static final List<String> EVENT_TOPICS = List.of("orders.placed", "stock.reserved", "stock.rejected",
			"orders.escrowed");

	static final String USAGE = """
			usage: ./shop faults [--modes=sync,async,escrow] [--faults=F,...] [--rate=N] [--hold=S] [--stock=N]
			  runs a shop of its own on free ports, then every fault in every mode under steady load, and
			  prints the table (also in local-run/target/fault-suite/report.md and report.json)
			  --modes   the checkout modes (all three)
			  --faults  which faults (all but redis-wipe, which destroys the store on purpose): %s
			  --rate    buyers per second (5)
			  --hold    seconds a fault lasts (10; inventory is paused 20 s, the broker stopped 30 s)
			  --stock   units of %s each row starts with (40)""";

	private final LocalShop shop;

	private final Map<String, FaultProxy> links;

	private final Consumer<String> out;

	private final Options options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	FaultSuite(LocalShop shop, Map<String, FaultProxy> links, Options options, Consumer<String> out) {
		this.shop = shop;
		this.links = links;
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(usage());
			System.exit(2);
			return;
		}
		if (options == null) {
			System.out.println(usage());
			return;
		}
		Path home = Path.of(System.getProperty("shop.home", ".")).toAbsolutePath().normalize();
		Path workDir = home.resolve("local-run/target/fault-suite");
		List<Row> rows = run(home, workDir, options, System.out::println);
		System.out.println();
		System.out.println(table(rows));
		System.exit(rows.stream().allMatch(Row::kept) ? 0 : 1);
	}

	static String usage() {
		return USAGE.formatted(String.join(", ", Fault.NAMES), SKU);
	}

	/**
	 * Start a shop in {@code workDir} (emptied first), run every row, write the report,
	 * stop the shop.
	 * @return the rows
	 */
	static List<Row> run(Path home, Path workDir, Options options, Consumer<String> out) {
		FileSystemUtils.deleteRecursively(workDir.toFile());
		ShopPorts ports = ShopPorts.free();
		Map<String, FaultProxy> links = new LinkedHashMap<>();
		links.put("order-service", new FaultProxy(ports.inventory()));
		links.put("order-service-2", new FaultProxy(ports.inventoryReplica()));
		Map<String, List<String>> extra = new LinkedHashMap<>();
		extra.put("*", List.of("--management.endpoints.web.exposure.include=health,info,metrics"));
		links.forEach((name, proxy) -> extra.put(name,
				List.of("--shop.order.inventory-url=http://127.0.0.1:" + proxy.port())));
		ShopOptions shopOptions = new ShopOptions(home, workDir, ports, true, OPERATOR_TOKEN, "sync", null, null,
				List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), extra);
		out.accept("fault suite: starting a shop of its own in " + workDir);
		List<Row> rows = new ArrayList<>();
		LocalShop shop = LocalShop.prepare(shopOptions, (line) -> out.accept("  " + line));
		// Ctrl-C or a kill ends the shop's processes too, never leaves them behind
		Thread stopShop = new Thread(shop::close, "stop-fault-suite-shop");
		Runtime.getRuntime().addShutdownHook(stopShop);
		try (shop) {
			shop.start();
			FaultSuite suite = new FaultSuite(shop, links, options, out);
			for (String fault : options.faults()) {
				for (String mode : options.modes()) {
					Row row = suite.drill(Fault.named(fault), mode);
					out.accept(row.line());
					rows.add(row);
				}
			}
		}
		finally {
			links.values().forEach(FaultProxy::close);
			try {
				Runtime.getRuntime().removeShutdownHook(stopShop);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down: the hook is stopping the shop
			}
		}
		writeReport(workDir, rows);
		return rows;
	}

	Row drill(Fault fault, String mode) {
		this.out.accept("fault suite: " + fault.faultName() + " in " + mode + " (" + fault.what() + ")");
		heal();
		put(url("order-service", "/api/admin/checkout-mode"), "{\"mode\":\"" + mode + "\"}");
		setStock(this.options.stock());
		// every replica reads the live mode at most a second late
		ChildProcesses.pause(Duration.ofSeconds(2));
		FaultLoad load = new FaultLoad(this.shop.url("gateway"), SKU);
		long started = System.nanoTime();
		load.start(this.options.rate());
		ChildProcesses.pause(Duration.ofSeconds(3));
		long faultAt = System.nanoTime();
		fault.inject(this, load);
		long healedAt = System.nanoTime();
		// buyers keep coming after the heal: the row shows when the shop takes orders
		// again (a gateway breaker stays open up to 10 s after its service is back)
		ChildProcesses.pause(Duration.ofSeconds(10));
		List<FaultLoad.Attempt> attempts = load.stop();
		Settled settled = settle(attempts, healedAt);
		Audit audit = audit();
		return Row.of(fault, mode, attempts, settled, audit, faultAt, healedAt, started);
	}

	// the faults' moves

	void kill(String... services) {
		parallel(services, (name) -> this.shop.service(name).kill());
	}

	void restart(String... services) {
		parallel(services, this.shop::restart);
	}

	/** {@code kill -9} of the services, restarted once the hold has passed. */
	void killForTheHold(String... services) {
		kill(services);
		hold(Duration.ZERO);
		restart(services);
	}

	/**
	 * A burst of buyers, then {@code kill -9} of the services while they work on it
	 * ({@code into} later), restarted at once.
	 */
	void killMidBurst(FaultLoad load, Duration into, String... services) {
		load.burst(150);
		ChildProcesses.pause(into);
		kill(services);
		restart(services);
	}

	void signal(String signal, String... services) {
		for (String name : services) {
			signal(signal, this.shop.service(name).pid());
		}
	}

	static void signal(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
			kill.waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void hold(Duration atLeast) {
		Duration hold = this.options.hold();
		ChildProcesses.pause((atLeast.compareTo(hold) > 0) ? atLeast : hold);
	}

	LocalShop shop() {
		return this.shop;
	}

	void links(Consumer<FaultProxy> change) {
		this.links.values().forEach(change);
	}

	void setStock(int available) {
		put(url("inventory-service", "/api/admin/inventory/" + SKU + "/stock"), "{\"available\":" + available + "}");
	}

	/**
	 * Publish every record of the event topics since the row began again, twice, newest
	 * first.
	 */
	void replayEvents(long sinceMillis) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
			List<ConsumerRecord<byte[], byte[]>> recent = new ArrayList<>();
			for (String topic : EVENT_TOPICS) {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
				consumer.assign(partitions);
				consumer.seekToBeginning(partitions);
				Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
				long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (partitions.stream().anyMatch((tp) -> consumer.position(tp) < end.get(tp))
						&& System.nanoTime() < deadline) {
					consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
						if (record.timestamp() >= sinceMillis) {
							recent.add(record);
						}
					});
				}
			}
			this.out.accept("  replaying " + recent.size() + " event(s) twice, newest first");
			for (int copy = 0; copy < 2; copy++) {
				for (int i = recent.size() - 1; i >= 0; i--) {
					ConsumerRecord<byte[], byte[]> record = recent.get(i);
					producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()));
				}
			}
			producer.flush();
		}
	}

	/**
	 * Records no consumer can use: not JSON, JSON of the wrong shape, an unknown order.
	 */
	void publishPoison() {
		List<String> poison = List.of("not json at all", "{", "[]", "{}", "{\"orderId\":null}",
				"{\"orderId\":\"no-such-order\",\"items\":[{\"sku\":\"" + SKU + "\",\"quantity\":1}]}",
				"{\"orderId\":\"x\",\"items\":\"many\"}", "{\"orderId\":\"" + "x".repeat(50_000) + "\"}");
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			for (String topic : EVENT_TOPICS) {
				for (String value : poison) {
					producer.send(new ProducerRecord<>(topic, "poison".getBytes(), value.getBytes()));
				}
				producer.send(new ProducerRecord<>(topic, "poison".getBytes(), new byte[] { 0, -1, 2, -3 }));
			}
			producer.flush();
		}
	}

	// healing, settling and judging

	private void heal() {
		this.links.values().forEach(FaultProxy::heal);
		put(url("inventory-service", "/api/admin/chaos"), "{\"extraLatencyMs\":0,\"errorRate\":0,\"down\":false}");
	}

	private Settled settle(List<FaultLoad.Attempt> attempts, long healedAt) {
		List<String> owed = attempts.stream()
			.filter(FaultLoad.Attempt::acknowledged)
			.map(FaultLoad.Attempt::orderId)
			.toList();
		long deadline = System.nanoTime() + this.options.settleWithin().toNanos();
		Map<String, JsonNode> orders = new LinkedHashMap<>();
		while (true) {
			for (String id : owed) {
				JsonNode known = orders.get(id);
				if (known == null || "ACCEPTED".equals(status(known))) {
					orders.put(id, order(id));
				}
			}
			boolean allFinal = orders.values().stream().noneMatch((order) -> "ACCEPTED".equals(status(order)));
			if (allFinal || System.nanoTime() > deadline) {
				long settledNanos = allFinal ? System.nanoTime() - healedAt : -1;
				// an escrow sale reaches inventory after its 201 (orders.escrowed): a
				// unit
				// still in its lease is not oversold, so look again until the deadline
				Map<String, String> reservations = new LinkedHashMap<>();
				while (true) {
					orders.forEach((id, order) -> {
						if ("CONFIRMED".equals(status(order)) && !"RESERVED".equals(reservations.get(id))) {
							reservations.put(id, reservation(id));
						}
					});
					if (reservations.values().stream().allMatch("RESERVED"::equals) || System.nanoTime() > deadline) {
						return new Settled(orders, reservations, settledNanos);
					}
					ChildProcesses.pause(Duration.ofSeconds(1));
				}
			}
			ChildProcesses.pause(Duration.ofSeconds(1));
		}
	}

	private static String status(JsonNode order) {
		return (order == null) ? null : order.path("status").asString(null);
	}

	/** The order as order-service tells it now; a {@code {"status":"LOST"}} for a 404. */
	private JsonNode order(String id) {
		for (int attempt = 0; attempt < 30; attempt++) {
			for (String replica : List.of("order-service", "order-service-2")) {
				HttpResponse<String> response = get(url(replica, "/api/orders/" + id));
				if (response != null && response.statusCode() == 200) {
					return this.json.readTree(response.body());
				}
				if (response != null && response.statusCode() == 404) {
					return this.json.readTree("{\"status\":\"LOST\"}");
				}
			}
			ChildProcesses.pause(Duration.ofSeconds(1));
		}
		return this.json.readTree("{\"status\":\"UNREADABLE\"}");
	}

	/**
	 * Inventory's reservation for a confirmed order: RESERVED when a unit is behind it.
	 */
	private String reservation(String id) {
		HttpResponse<String> response = get(url("inventory-service", "/api/reservations/" + id + "?sku=" + SKU));
		if (response == null) {
			return "UNREADABLE";
		}
		if (response.statusCode() != 200) {
			return "NONE";
		}
		JsonNode body = this.json.readTree(response.body());
		JsonNode reservation = body.isArray() ? body.get(0) : body;
		return (reservation == null) ? "NONE" : reservation.path("status").asString("NONE");
	}

	/**
	 * The auditor's verdict once it has one: UNKNOWN (inventory not readable yet,
	 * releases still in flight) is asked again every 2 s for up to
	 * {@code UNKNOWN_PATIENCE}; PASS and FAIL are final.
	 */
	private Audit audit() {
		long deadline = System.nanoTime() + UNKNOWN_PATIENCE.toNanos();
		Audit audit = auditOnce();
		while ("UNKNOWN".equals(audit.verdict()) && System.nanoTime() < deadline) {
			ChildProcesses.pause(Duration.ofSeconds(2));
			audit = auditOnce();
		}
		return audit;
	}

	private Audit auditOnce() {
		for (int attempt = 0; attempt < 10; attempt++) {
			HttpResponse<String> response = get(url("order-service", "/api/audit"));
			if (response != null && response.statusCode() == 200) {
				JsonNode audit = this.json.readTree(response.body());
				List<String> failed = audit.path("checks")
					.valueStream()
					.filter((check) -> !"PASS".equals(check.path("verdict").asString()))
					.map((check) -> check.path("name").asString() + ": " + check.path("verdict").asString())
					.toList();
				JsonNode witness = audit.path("witness");
				List<String> missing = witness.path("missing").valueStream().map(JsonNode::asString).toList();
				return new Audit(audit.path("verdict").asString(), failed, witness.path("missingCount").asLong(0),
						missing);
			}
			ChildProcesses.pause(Duration.ofSeconds(2));
		}
		return new Audit("UNREADABLE", List.of(), 0, List.of());
	}

	private String url(String service, String path) {
		return this.shop.url(service) + path;
	}

	private HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private void put(String url, String body) {
		for (int attempt = 0; attempt < 30; attempt++) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(body)));
			if (response != null && response.statusCode() == 200) {
				return;
			}
			ChildProcesses.pause(Duration.ofSeconds(1));
		}
		throw new IllegalStateException("PUT " + url + " did not succeed");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(
					request.timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + OPERATOR_TOKEN).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.shop.options().kafka(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private KafkaProducer<byte[], byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.shop.options().kafka(), ProducerConfig.ACKS_CONFIG,
						"all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static void parallel(String[] names, Consumer<String> action) {
		CompletableFuture
			.allOf(Stream.of(names)
				.map((name) -> CompletableFuture.runAsync(() -> action.accept(name)))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	// the report

	static String table(List<Row> rows) {
		StringBuilder table = new StringBuilder();
		table.append("| fault | mode | sent | acknowledged | confirmed | cancelled (by reason) | turned away | lost | "
				+ "oversold | not final | audit | back after | settled after | trace of a failed case |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : rows) {
			table.append(row.markdown()).append('\n');
		}
		return table.toString();
	}

	private static void writeReport(Path workDir, List<Row> rows) {
		try {
			Files.createDirectories(workDir);
			Files.writeString(workDir.resolve("report.md"),
					"# Fault suite\n\nEach row: steady buyers, the fault, heal, settle, audit. Lost and oversold must be 0"
							+ " where the mode promises it (async's oversell shows as cancellations for stock).\n\n"
							+ table(rows));
			Files.writeString(workDir.resolve("report.json"),
					JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param modes the checkout modes
	 * @param faults the faults, by name
	 * @param rate buyers per second
	 * @param hold how long a fault lasts
	 * @param stock units each row starts with
	 * @param settleWithin how long every acknowledged order gets to become final
	 */
	record Options(List<String> modes, List<String> faults, int rate, Duration hold, int stock, Duration settleWithin) {

		/**
		 * @return the options, or null when help was asked for
		 */
		static Options parse(String[] args) {
			Map<String, String> given = new TreeMap<>();
			for (String arg : args) {
				if (arg.equals("--help") || arg.equals("-h")) {
					return null;
				}
				if (!arg.startsWith("--") || !arg.contains("=")) {
					throw new IllegalArgumentException("Unknown argument: " + arg);
				}
				given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
			List<String> modes = List.of(given.getOrDefault("modes", "sync,async,escrow").split(","));
			modes.forEach((mode) -> {
				if (!List.of("sync", "async", "escrow").contains(mode)) {
					throw new IllegalArgumentException("Unknown mode: " + mode);
				}
			});
			List<String> faults = List.of(given.getOrDefault("faults", String.join(",", Fault.DEFAULT)).split(","));
			faults.forEach(Fault::named);
			Options options = new Options(modes, faults, positive(given, "rate", 5),
					Duration.ofSeconds(positive(given, "hold", 10)), positive(given, "stock", 40),
					Duration.ofSeconds(positive(given, "settle", 150)));
			given.keySet()
				.stream()
				.filter((key) -> !List.of("modes", "faults", "rate", "hold", "stock", "settle").contains(key))
				.findFirst()
				.ifPresent((key) -> {
					throw new IllegalArgumentException("Unknown option: --" + key);
				});
			return options;
		}

		private static int positive(Map<String, String> given, String key, int fallback) {
			try {
				int value = Integer.parseInt(given.getOrDefault(key, String.valueOf(fallback)));
				if (value <= 0) {
					throw new NumberFormatException();
				}
				return value;
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + key + " must be a positive whole number");
			}
		}

	}

	/**
	 * @param orders every acknowledged order as order-service tells it after settling
	 * @param reservations inventory's reservation status per confirmed order
	 * @param settledNanos from the heal until every acknowledged order was final, -1 when
	 * some were not
	 */
	record Settled(Map<String, JsonNode> orders, Map<String, String> reservations, long settledNanos) {

	}

	/**
	 * @param verdict the auditor's verdict after the row
	 * @param failed the checks that did not pass
	 * @param missingCount how many acknowledged orders the witness found missing from the
	 * store
	 * @param missing their ids (the first hundred)
	 */
	record Audit(String verdict, List<String> failed, long missingCount, List<String> missing) {

	}

	/**
	 * A lost order the witness does not name.
	 *
	 * @param orderId the order
	 * @param answeredBeforeFaultMillis how long before the fault its buyer was answered
	 * (negative: after it began)
	 */
	record Unwitnessed(String orderId, long answeredBeforeFaultMillis) {

		@Override
		public String toString() {
			return this.orderId + " (answered " + this.answeredBeforeFaultMillis + " ms before the fault)";
		}

	}

	/**
	 * One fault in one mode.
	 *
	 * @param fault the fault
	 * @param mode the checkout mode
	 * @param sent buyers sent
	 * @param acknowledged answered 201 or 202 with an order id
	 * @param confirmed acknowledged orders CONFIRMED after settling
	 * @param cancelled acknowledged orders CANCELLED or REJECTED after settling, by
	 * reason
	 * @param turnedAway answered 503, 504, 429 or not at all (lost sales, nothing
	 * promised)
	 * @param answers every answer (status and problem slug; 0: no answer), with counts
	 * @param lost acknowledged orders order-service no longer knows
	 * @param lostIds their ids (at most 20)
	 * @param oversold confirmed orders with no unit reserved for them at inventory
	 * @param oversoldIds their ids (at most 20)
	 * @param notFinal acknowledged orders still ACCEPTED after settling
	 * @param audit the auditor's verdict after the row
	 * @param backAfterMillis from the heal until the first order acknowledged after it
	 * (0: the fault turned nobody away)
	 * @param settledAfterMillis from the heal until every acknowledged order was final
	 * (-1: not within the settle time)
	 * @param unwitnessed lost orders the witness does not name (it names every order
	 * whose ledger record the relay published before the store lost it), with how long
	 * before the fault each was answered; empty when more were lost than the witness
	 * lists
	 * @param failedTrace the trace of one failed case (a lost, oversold or unsettled
	 * order, else an answer 500 or 502), null when none failed: {@code ./shop trace <id>
	 * --logs=local-run/target/fault-suite/logs}
	 * @param promisesKept whether lost (every mode) and oversold (sync, escrow) are 0 and
	 * every order became final
	 */
	record Row(String fault, String mode, int sent, int acknowledged, int confirmed, Map<String, Long> cancelled,
			int turnedAway, Map<String, Long> answers, int lost, List<String> lostIds, int oversold,
			List<String> oversoldIds, int notFinal, Audit audit, long backAfterMillis, long settledAfterMillis,
			List<Unwitnessed> unwitnessed, String failedTrace, boolean promisesKept) {

		static Row of(Fault fault, String mode, List<FaultLoad.Attempt> attempts, Settled settled, Audit audit,
				long faultAt, long healedAt, long started) {
			Map<String, Long> answers = attempts.stream()
				.collect(Collectors.groupingBy(FaultLoad.Attempt::answer, TreeMap::new, Collectors.counting()));
			int turnedAway = (int) attempts.stream()
				.filter((a) -> List.of(0, 429, 502, 503, 504).contains(a.status()))
				.count();
			Map<String, Long> cancelled = new TreeMap<>();
			List<String> lost = new ArrayList<>();
			int confirmed = 0;
			int notFinal = 0;
			for (Map.Entry<String, JsonNode> order : settled.orders().entrySet()) {
				String status = status(order.getValue());
				switch (status) {
					case "CONFIRMED" -> confirmed++;
					case "CANCELLED", "REJECTED" -> cancelled.merge(
							status.toLowerCase() + ": " + order.getValue().path("reason").asString(""), 1L, Long::sum);
					case "LOST" -> lost.add(order.getKey());
					default -> notFinal++;
				}
			}
			List<String> oversold = settled.reservations()
				.entrySet()
				.stream()
				.filter((entry) -> !"RESERVED".equals(entry.getValue()))
				.map(Map.Entry::getKey)
				.toList();
			boolean failedDuringFault = attempts.stream()
				.anyMatch((a) -> a.sentNanos() >= faultAt && a.sentNanos() < healedAt && !a.acknowledged()
						&& a.status() != 409 && a.status() != 422);
			long backAfter = failedDuringFault ? attempts.stream()
				.filter((a) -> a.sentNanos() >= healedAt && a.acknowledged())
				.mapToLong((a) -> (a.answeredNanos() - healedAt) / 1_000_000)
				.min()
				.orElse(-1) : 0;
			boolean promisesKept = lost.isEmpty() && notFinal == 0 && (mode.equals("async") || oversold.isEmpty());
			return new Row(fault.faultName(), mode, attempts.size(),
					(int) attempts.stream().filter(FaultLoad.Attempt::acknowledged).count(), confirmed, cancelled,
					turnedAway, answers, lost.size(), lost.stream().limit(20).toList(), oversold.size(),
					oversold.stream().limit(20).toList(), notFinal, audit, backAfter,
					(settled.settledNanos() < 0) ? -1 : settled.settledNanos() / 1_000_000,
					unwitnessed(attempts, lost, audit, faultAt), failedTrace(attempts, settled, lost, oversold),
					promisesKept);
		}

		private static List<Unwitnessed> unwitnessed(List<FaultLoad.Attempt> attempts, List<String> lost, Audit audit,
				long faultAt) {
			// the witness lists the hundred latest orders it misses, and a row's lost
			// orders are the latest acknowledged: past a hundred it cannot be told
			if (audit.missingCount() > audit.missing().size() && lost.size() > audit.missing().size()) {
				return List.of();
			}
			Map<String, Long> answered = new HashMap<>();
			attempts.stream()
				.filter(FaultLoad.Attempt::acknowledged)
				.forEach((a) -> answered.put(a.orderId(), (faultAt - a.answeredNanos()) / 1_000_000));
			return lost.stream()
				.filter((id) -> !audit.missing().contains(id))
				.map((id) -> new Unwitnessed(id, answered.get(id)))
				.toList();
		}

		/**
		 * A failed case's trace: a lost, oversold or unsettled order, else a 500 or 502.
		 */
		private static String failedTrace(List<FaultLoad.Attempt> attempts, Settled settled, List<String> lost,
				List<String> oversold) {
			Map<String, String> traceByOrder = new HashMap<>();
			attempts.stream()
				.filter((a) -> a.orderId() != null && a.traceId() != null)
				.forEach((a) -> traceByOrder.put(a.orderId(), a.traceId()));
			List<String> unsettled = settled.orders()
				.entrySet()
				.stream()
				.filter((entry) -> "ACCEPTED".equals(status(entry.getValue())))
				.map(Map.Entry::getKey)
				.toList();
			return Stream.of(lost, oversold, unsettled)
				.flatMap(List::stream)
				.map(traceByOrder::get)
				.filter(Objects::nonNull)
				.findFirst()
				.orElseGet(() -> attempts.stream()
					.filter((a) -> (a.status() == 500 || a.status() == 502) && a.traceId() != null)
					.map(FaultLoad.Attempt::traceId)
					.findFirst()
					.orElse(null));
		}

		/** Whether the row kept the mode's promises and the auditor agrees. */
		boolean kept() {
			return this.promisesKept && "PASS".equals(this.audit.verdict());
		}

		String line() {
			return String.format(
					"  %-22s %-6s sent %4d, acknowledged %4d, confirmed %4d, cancelled %s, turned away %d, lost %d,"
							+ " oversold %d, not final %d, audit %s%s; answers %s",
					this.fault, this.mode, this.sent, this.acknowledged, this.confirmed, this.cancelled,
					this.turnedAway, this.lost, this.oversold, this.notFinal, this.audit.verdict(),
					this.audit.failed().isEmpty() ? "" : " " + this.audit.failed(), this.answers)
					+ (this.unwitnessed.isEmpty() ? "" : "; lost, not named by the witness: " + this.unwitnessed)
					+ ((this.failedTrace != null) ? "; a failed case: ./shop trace " + this.failedTrace
							+ " --logs=local-run/target/fault-suite/logs" : "");
		}

		String markdown() {
			String cancelledText = this.cancelled.isEmpty() ? "0"
					: this.cancelled.entrySet()
						.stream()
						.map((entry) -> entry.getValue() + " " + entry.getKey())
						.collect(Collectors.joining("; "));
			return "| " + this.fault + " | " + this.mode + " | " + this.sent + " | " + this.acknowledged + " | "
					+ this.confirmed + " | " + cancelledText + " | " + this.turnedAway + " | " + this.lost
					+ (this.lostIds.isEmpty() ? "" : " (e.g. " + this.lostIds.get(0) + ")")
					+ (this.unwitnessed.isEmpty() ? ""
							: ", " + this.unwitnessed.size() + " not named by the witness: " + this.unwitnessed)
					+ " | " + this.oversold + " | " + this.notFinal + " | " + this.audit.verdict()
					+ (this.audit.failed().isEmpty() ? "" : ": " + String.join("; ", this.audit.failed())) + " | "
					+ millis(this.backAfterMillis) + " | " + millis(this.settledAfterMillis) + " | "
					+ ((this.failedTrace != null) ? "`" + this.failedTrace + "`" : "") + " |";
		}

		private static String millis(long millis) {
			return (millis < 0) ? "never" : String.format("%.1f s", millis / 1000.0);
		}

	}

}
