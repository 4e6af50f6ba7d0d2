package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.xboxshop.testsupport.ChildProcesses;
import dev.xboxshop.testsupport.KafkaBrokerProcess;
import dev.xboxshop.testsupport.LocalRedis;
import dev.xboxshop.testsupport.RedisServerHandle;

/**
 * The whole shop on one machine: a real KRaft broker and a real Redis server (unless
 * given ones to use), and the five services as processes, each health-checked before this
 * returns. {@link #close()} ends everything it started.
 */
public final class LocalShop implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(4);

	private final ShopOptions options;

	private final Consumer<String> progress;

	private final List<ServiceProcess> services = new ArrayList<>();

	private final Object lock = new Object();

	private volatile boolean closing;

	private boolean up;

	private RedisServerHandle redis;

	private KafkaBrokerProcess kafka;

	private LocalShop(ShopOptions options, Consumer<String> progress) {
		this.options = options;
		this.progress = progress;
	}

	/**
	 * Start a shop and wait until every service is healthy.
	 * @throws PortInUse before anything starts, when something already listens on a port
	 * this shop needs (another shop, most likely), so its health checks never ask a
	 * stranger
	 */
	public static LocalShop start(ShopOptions options, Consumer<String> progress) {
		LocalShop shop = prepare(options, progress);
		shop.start();
		return shop;
	}

	/**
	 * A shop not started yet, so that whoever starts it can already stop it (from a
	 * shutdown hook) while it starts.
	 */
	public static LocalShop prepare(ShopOptions options, Consumer<String> progress) {
		return new LocalShop(options, progress);
	}

	/**
	 * Start everything and wait until every service is healthy; on failure end what was
	 * started.
	 * @throws PortInUse before anything starts, when a port is taken
	 * @throws Stopping when {@link #close()} was called meanwhile
	 */
	public void start() {
		ShopPorts.used(this.options).forEach((what, port) -> {
			if (listening(port)) {
				throw new PortInUse(what, port);
			}
		});
		try {
			startInfrastructure();
			startServices();
			this.up = true;
		}
		catch (RuntimeException ex) {
			boolean stopping = this.closing;
			close();
			throw stopping ? new Stopping(ex) : ex;
		}
	}

	/** Whether anything was started (so there is something to stop). */
	public boolean started() {
		synchronized (this.lock) {
			return this.redis != null || this.kafka != null || !this.services.isEmpty() || this.up;
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Something already listens on a port the shop needs. */
	public static final class PortInUse extends IllegalStateException {

		PortInUse(String what, int port) {
			super("Port " + port + " (" + what + ") is already in use, perhaps by another shop; stop it"
					+ " (./shop stop) or move this one with --port-offset=N. Nothing was started.");
		}

	}

	/** The shop was closed while it started. */
	public static final class Stopping extends IllegalStateException {

		Stopping(RuntimeException cause) {
			super("The shop was stopped while it started", cause);
		}

	}

	public ShopOptions options() {
		return this.options;
	}

	public String url(String service) {
		return this.services.stream()
			.filter((candidate) -> candidate.name().equals(service))
			.findFirst()
			.map((candidate) -> "http://127.0.0.1:" + candidate.port())
			.orElseThrow(() -> new IllegalArgumentException("No service " + service));
	}

	/**
	 * The broker this shop started, for outage drills.
	 * @return the broker
	 * @throws IllegalStateException if the shop was given a broker to use
	 */
	public KafkaBrokerProcess broker() {
		if (this.kafka == null) {
			throw new IllegalStateException("This shop uses a broker it did not start: " + this.options.kafka());
		}
		return this.kafka;
	}

	/**
	 * One of the services this shop started, for fault drills.
	 * @param name its name ({@code order-service}, {@code order-service-2}, ...)
	 * @return the service
	 */
	ServiceProcess service(String name) {
		synchronized (this.lock) {
			return this.services.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No service " + name));
		}
	}

	/** The names of the services this shop runs, in start order. */
	List<String> serviceNames() {
		synchronized (this.lock) {
			return this.services.stream().map(ServiceProcess::name).toList();
		}
	}

	/**
	 * Start a service again after a drill ended it, and wait until it is healthy.
	 * @param name the service
	 */
	void restart(String name) {
		ServiceProcess service = service(name);
		service.kill();
		service.start(this.options.jvmOptions());
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!service.healthy()) {
			proceed();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " not healthy within " + STARTUP);
			}
			ChildProcesses.pause(Duration.ofMillis(250));
		}
	}

	/**
	 * The Redis server's process, for drills that kill or pause it.
	 * @return its handle
	 * @throws IllegalStateException if this shop did not start Redis
	 */
	ProcessHandle redisProcess() {
		if (this.redis == null) {
			throw new IllegalStateException("This shop uses a Redis it did not start: " + this.options.redisAddress());
		}
		Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
		return ListeningSockets.owners(this.options.ports().redis())
			.stream()
			.filter(ours::contains)
			.findFirst()
			.flatMap(ProcessHandle::of)
			.orElseThrow(() -> new IllegalStateException("No Redis process of this shop listens"));
	}

	/**
	 * Start again whatever of this shop stopped on its own (a crash, a {@code kill -9}):
	 * Redis on its data (its append-only file), the broker on its log, each service; as
	 * an orchestrator restarts a dead container. {@code ./shop} does this every few
	 * seconds; the fault suite never, since it kills and restarts on purpose.
	 * @return what was started again, by name
	 */
	List<String> reviveDead() {
		List<String> revived = new ArrayList<>();
		if (this.closing || !this.up) {
			return revived;
		}
		if (this.redis != null && !listening(this.options.ports().redis())) {
			proceed();
			this.progress.accept("Redis is not running; starting it again on its data");
			restartRedis();
			revived.add("Redis");
		}
		KafkaBrokerProcess broker = this.kafka;
		if (broker != null && broker.handle().isEmpty()) {
			proceed();
			this.progress.accept("the Kafka broker is not running; starting it again on its log");
			broker.start();
			revived.add("Kafka");
		}
		for (String name : serviceNames()) {
			// a stopping shop ends its services: never start one again then
			proceed();
			if (!service(name).alive()) {
				this.progress.accept(name + " is not running; starting it again");
				restart(name);
				this.progress.accept(name + " is up again");
				revived.add(name);
			}
		}
		return revived;
	}

	/** Start Redis again on its data (after a drill killed it), as the launcher did. */
	void restartRedis() {
		RedisServerHandle started = LocalRedis.start(this.options.ports().redis(),
				this.options.workDir().resolve("redis"));
		keep(() -> this.redis = started, started::stop);
	}

	private void startInfrastructure() {
		ShopPorts ports = this.options.ports();
		if (this.options.redisAddress() == null) {
			proceed();
			this.progress.accept("starting Redis on port " + ports.redis());
			RedisServerHandle started = LocalRedis.start(ports.redis(), this.options.workDir().resolve("redis"));
			keep(() -> this.redis = started, started::stop);
			requireOwnListener("Redis", ports.redis());
		}
		if (this.options.kafkaBootstrap() == null) {
			proceed();
			this.progress.accept("starting a Kafka broker (KRaft) on port " + ports.kafka());
			KafkaBrokerProcess started = new KafkaBrokerProcess(this.options.workDir().resolve("kafka"), ports.kafka(),
					ports.kafkaController());
			started.start();
			keep(() -> this.kafka = started, started::stop);
			requireOwnListener("the Kafka broker", ports.kafka());
		}
	}

	private void startServices() {
		for (ServicePlan plan : ServicePlan.of(this.options)) {
			proceed();
			ServiceProcess service = new ServiceProcess(plan.name(), plan.port(), jar(plan.module()), plan.arguments(),
					this.options.workDir().resolve("logs").resolve(plan.name() + ".log"));
			this.progress.accept("starting " + plan.name() + " on port " + plan.port());
			service.start(this.options.jvmOptions());
			keep(() -> this.services.add(service), service::stop);
		}
		awaitHealthy();
	}

	/**
	 * @throws Stopping once {@link #close()} was called
	 */
	private void proceed() {
		if (this.closing) {
			throw new Stopping(null);
		}
	}

	/**
	 * Record something just started, unless the shop is closing meanwhile: then stop it
	 * at once, since the close did not see it.
	 */
	private void keep(Runnable record, Runnable stop) {
		synchronized (this.lock) {
			if (!this.closing) {
				record.run();
				return;
			}
		}
		stop.run();
		throw new Stopping(null);
	}

	/**
	 * The port answers, but is it the server this shop started? Redis's PING and the
	 * broker's metadata cannot say; the port's owner can.
	 */
	private void requireOwnListener(String what, int port) {
		Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
		Set<Long> owners = ListeningSockets.owners(port);
		if (owners.stream().noneMatch(ours::contains)) {
			throw new IllegalStateException("Port " + port + " answers as " + what + ", but not from the process"
					+ " this launcher started (listening there: " + (owners.isEmpty() ? "none it can see" : owners)
					+ "); stop the other process or move the shop with --port-offset=N");
		}
	}

	private void awaitHealthy() {
		long started = System.nanoTime();
		long deadline = started + STARTUP.toNanos();
		Map<String, Boolean> up = new LinkedHashMap<>();
		this.services.forEach((service) -> up.put(service.name(), false));
		while (up.containsValue(false)) {
			proceed();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not healthy within " + STARTUP + ": " + up);
			}
			for (ServiceProcess service : List.copyOf(this.services)) {
				if (!up.get(service.name()) && service.healthy()) {
					up.put(service.name(), true);
					this.progress.accept(String.format("  %-20s up after %4.1f s", service.name(),
							(System.nanoTime() - started) / 1e9));
				}
			}
			ChildProcesses.pause(Duration.ofMillis(250));
		}
	}

	private Path jar(String module) {
		Path target = this.options.home().resolve(module).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No runnable jar in " + target + "; build it with ./mvnw -DskipTests package"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * End everything this shop started, services first; safe to call from another thread
	 * while the shop starts (it then stops what it had started and starts nothing more).
	 */
	@Override
	public void close() {
		List<ServiceProcess> started;
		KafkaBrokerProcess broker;
		RedisServerHandle store;
		synchronized (this.lock) {
			this.closing = true;
			started = new ArrayList<>(this.services);
			this.services.clear();
			broker = this.kafka;
			this.kafka = null;
			store = this.redis;
			this.redis = null;
		}
		ShopProcesses.end(started.stream().map(ServiceProcess::handle).flatMap(Optional::stream).toList());
		if (broker != null) {
			broker.stop();
		}
		if (store != null) {
			store.stop();
		}
	}

}
