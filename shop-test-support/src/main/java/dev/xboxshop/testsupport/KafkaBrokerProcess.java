package dev.xboxshop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft combined mode (broker and controller in one process), run
 * as a child JVM from the Kafka jars on this JVM's class path. Its ports and data folder
 * are fixed for its lifetime, so it can be stopped and started again, as a broker outage
 * would.
 */
public final class KafkaBrokerProcess implements KafkaServerHandle {

	private static final Duration STARTUP = Duration.ofSeconds(90);

	private final Path dataDir;

	private final int port;

	private final int controllerPort;

	private Process process;

	public KafkaBrokerProcess(Path dataDir, int port, int controllerPort) {
		this.dataDir = dataDir;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/**
	 * Start a broker on free loopback ports with a fresh temporary data folder.
	 * @return the started broker
	 */
	public static KafkaBrokerProcess startOnFreePorts() {
		try {
			KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("shop-kafka-"),
					FreePorts.find(), FreePorts.find());
			broker.start();
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		try {
			Path config = writeConfig();
			if (!Files.exists(this.dataDir.resolve("logs/meta.properties"))) {
				format(config);
			}
			this.process = java("kafka.Kafka", config.toString()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("broker.log").toFile()))
				.start();
			awaitReady();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the Kafka broker", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		ChildProcesses.stop(this.process, Duration.ofSeconds(30));
		this.process = null;
	}

	/**
	 * Kill the broker as a crash would ({@code kill -9}): no shutdown, nothing flushed.
	 * {@link #start()} starts it again on the same data.
	 */
	public synchronized void kill() {
		if (this.process == null) {
			return;
		}
		ChildProcesses.kill(this.process);
		this.process = null;
	}

	/**
	 * The broker's process, for drills that pause it.
	 * @return its handle, empty when it does not run
	 */
	public synchronized Optional<ProcessHandle> handle() {
		return Optional.ofNullable(this.process).filter(Process::isAlive).map(Process::toHandle);
	}

	private Path writeConfig() throws IOException {
		Files.createDirectories(this.dataDir);
		String properties = String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + this.controllerPort,
				"listeners=PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + this.port, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"log.dirs=" + this.dataDir.resolve("logs"), "num.partitions=3", "offsets.topic.replication.factor=1",
				"offsets.topic.num.partitions=3", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
				"auto.create.topics.enable=true", "");
		Path config = this.dataDir.resolve("server.properties");
		Files.writeString(config, properties, StandardCharsets.UTF_8);
		return config;
	}

	private void format(Path config) throws IOException {
		Process formatting = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
				config.toString(), "--ignore-formatted")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("format.log").toFile()))
			.start();
		try {
			if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
				throw new IllegalStateException(
						"Formatting Kafka storage failed; see " + this.dataDir.resolve("format.log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private ProcessBuilder java(String mainClass, String... args) {
		List<String> command = new ArrayList<>();
		command.add(ChildProcesses.java());
		command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return new ProcessBuilder(command);
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000))) {
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							"The Kafka broker exited; see " + this.dataDir.resolve("broker.log"));
				}
				try {
					if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (Exception notYet) {
					ChildProcesses.pause(Duration.ofMillis(100));
				}
			}
		}
		throw new IllegalStateException("The Kafka broker was not ready within " + STARTUP);
	}

}
