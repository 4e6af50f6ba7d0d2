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
import java.util.function.Consumer;
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

	private RedisServerHandle redis;

	private KafkaBrokerProcess kafka;

	private LocalShop(ShopOptions options, Consumer<String> progress) {
		this.options = options;
		this.progress = progress;
	}

	/**
	 * @throws PortInUse before anything starts, when something already listens on a port
	 * this shop needs (another shop, most likely), so its health checks never ask a
	 * stranger
	 */
	public static LocalShop start(ShopOptions options, Consumer<String> progress) {
		ShopPorts.used(options).forEach((what, port) -> {
			if (listening(port)) {
				throw new PortInUse(what, port);
			}
		});
		LocalShop shop = new LocalShop(options, progress);
		try {
			shop.startInfrastructure();
			shop.startServices();
			return shop;
		}
		catch (RuntimeException ex) {
			shop.close();
			throw ex;
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
	 * The process ids of everything this shop started, this JVM's children included.
	 * @return the child process ids
	 */
	public List<Long> childPids() {
		return ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
	}

	private void startInfrastructure() {
		ShopPorts ports = this.options.ports();
		if (this.options.redisAddress() == null) {
			this.progress.accept("starting Redis on port " + ports.redis());
			this.redis = LocalRedis.start(ports.redis(), this.options.workDir().resolve("redis"));
		}
		if (this.options.kafkaBootstrap() == null) {
			this.progress.accept("starting a Kafka broker (KRaft) on port " + ports.kafka());
			this.kafka = new KafkaBrokerProcess(this.options.workDir().resolve("kafka"), ports.kafka(),
					ports.kafkaController());
			this.kafka.start();
		}
	}

	private void startServices() {
		for (ServicePlan plan : ServicePlan.of(this.options)) {
			ServiceProcess service = new ServiceProcess(plan.name(), plan.port(), jar(plan.module()), plan.arguments(),
					this.options.workDir().resolve("logs").resolve(plan.name() + ".log"));
			this.progress.accept("starting " + plan.name() + " on port " + plan.port());
			service.start(this.options.jvmOptions());
			this.services.add(service);
		}
		awaitHealthy();
	}

	private void awaitHealthy() {
		long started = System.nanoTime();
		long deadline = started + STARTUP.toNanos();
		Map<String, Boolean> up = new LinkedHashMap<>();
		this.services.forEach((service) -> up.put(service.name(), false));
		while (up.containsValue(false)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not healthy within " + STARTUP + ": " + up);
			}
			for (ServiceProcess service : this.services) {
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

	@Override
	public void close() {
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).stop();
		}
		this.services.clear();
		if (this.kafka != null) {
			this.kafka.stop();
			this.kafka = null;
		}
		if (this.redis != null) {
			this.redis.stop();
			this.redis = null;
		}
	}

}
