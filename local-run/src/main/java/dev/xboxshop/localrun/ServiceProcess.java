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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.xboxshop.testsupport.ChildProcesses;

/**
 * One service of the shop, run as its own JVM from its runnable jar, with its log in a
 * file.
 */
final class ServiceProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final int port;

	private final Path jar;

	private final List<String> arguments;

	private final Path log;

	private Process process;

	ServiceProcess(String name, int port, Path jar, List<String> arguments, Path log) {
		this.name = name;
		this.port = port;
		this.jar = jar;
		this.arguments = List.copyOf(arguments);
		this.log = log;
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	Path log() {
		return this.log;
	}

	long pid() {
		return this.process.pid();
	}

	void start(List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(ChildProcesses.java());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", this.jar.toString(), "--server.port=" + this.port));
		command.addAll(this.arguments);
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
	}

	/**
	 * Whether the service answers its health check with 200, from the process this
	 * started.
	 * @return {@code true} once the service is up
	 * @throws IllegalStateException if the process has exited, or another process answers
	 * on its port
	 */
	boolean healthy() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(
					this.name + " exited with code " + this.process.exitValue() + "; see " + this.log);
		}
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 && answeredByItself();
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean answeredByItself() {
		Set<Long> owners = ListeningSockets.owners(this.port);
		if (!owners.contains(pid())) {
			throw new IllegalStateException("Port " + this.port + " answered " + this.name
					+ "'s health check, but the process listening there is "
					+ (owners.isEmpty() ? "none this launcher can see"
							: owners.stream().map((owner) -> "pid " + owner).collect(Collectors.joining(", ")))
					+ ", not the " + this.name + " it started (pid " + pid()
					+ "): another process took the port; stop it or move the shop with --port-offset=N");
		}
		return true;
	}

	Optional<ProcessHandle> handle() {
		return Optional.ofNullable(this.process).map(Process::toHandle);
	}

	/** End the process as a crash would ({@code kill -9}). */
	void kill() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		ChildProcesses.kill(this.process);
	}

	boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	void stop() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		ChildProcesses.stop(this.process, Duration.ofSeconds(20));
	}

}
