package dev.xboxshop.deploycheck;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code check-deployments.sh} on the repository's docker-compose.yml and k8s/
 * overlays, and on copies broken one file at a time, so the check is known to catch what
 * it claims to. Needs docker-compose, kubectl, node and npm: without them the test fails
 * and says what to install, because a skipped check would let broken deployment files
 * pass CI unnoticed.
 */
class DeploymentFilesIntegrationTests {

	private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

	private static final Path ROOT = MODULE.getParent();

	private static final Path SCRIPT = MODULE.resolve("check-deployments.sh");

	@BeforeAll
	static void toolsAndValidatorPackagesArePresent() throws Exception {
		List<String> missing = new ArrayList<>();
		if (!onPath("docker-compose")) {
			missing.add("docker-compose (Debian: apt-get install --no-install-recommends docker-compose)");
		}
		if (!onPath("kubectl")) {
			missing.add("kubectl (it renders the kustomizations offline; https://kubernetes.io/docs/tasks/tools/)");
		}
		if (!onPath("node") || !onPath("npm")) {
			missing.add("node and npm (Node.js 18 or newer; Debian: apt-get install nodejs npm)");
		}
		if (!missing.isEmpty()) {
			fail("The deployment checks need tools that are not on the PATH; install:\n  - "
					+ String.join("\n  - ", missing));
		}
		if (!Files.isDirectory(MODULE.resolve("node_modules/kubernetes-models"))) {
			Run npm = run(MODULE, 300, "npm", "ci", "--no-audit", "--no-fund");
			assertThat(npm.exitCode()).as("npm ci in %s failed:%n%s", MODULE, npm.output()).isZero();
		}
	}

	@Test
	void acceptsTheRepositorysComposeFileAndEveryOverlay() throws Exception {
		Run check = check(ROOT);
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("ok   docker-compose.yml", "ok   k8s/overlays/demo renders",
				"ok   k8s/overlays/scaled renders", "k8s-overlays-demo.yaml", "k8s-overlays-scaled.yaml",
				"ok   redis persistence policy", "deployment files: all checks passed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("breakages")
	void rejectsABrokenDeploymentFile(Breakage breakage, @TempDir Path tree) throws Exception {
		copyDeploymentFiles(tree);
		Path file = tree.resolve(breakage.file());
		String original = Files.readString(file);
		assertThat(original).as("%s still contains the text the breakage replaces", breakage.file())
			.contains(breakage.find());
		int at = original.indexOf(breakage.find());
		Files.writeString(file,
				original.substring(0, at) + breakage.replacement() + original.substring(at + breakage.find().length()));

		Run check = check(tree);

		assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
		assertThat(check.output()).contains(breakage.reported());
	}

	static Stream<Breakage> breakages() {
		return Stream.of(
				new Breakage("YAML syntax error in docker-compose.yml", "docker-compose.yml", "services:\n",
						"services: [\n", "FAIL docker-compose.yml"),
				new Breakage("unknown option in docker-compose.yml", "docker-compose.yml", "    mem_limit: 256m",
						"    mem_limt: 256m", "services.redis: 'mem_limt'"),
				new Breakage("compose service depending on a service that does not exist", "docker-compose.yml",
						"      kafka:\n        condition: service_healthy",
						"      kafak:\n        condition: service_healthy", "'kafak' which is undefined"),
				new Breakage("replicas given as a string", "k8s/base/kafka.yaml", "  replicas: 1",
						"  replicas: \"two\"", "StatefulSet/kafka: /spec/replicas: must be integer"),
				new Breakage("misspelled field in the services' shared patch", "k8s/base/java-service-patch.yaml",
						"          livenessProbe:", "          livenesProbe:", "unknown field \"livenesProbe\""),
				new Breakage("kustomization naming a missing resource", "k8s/base/kustomization.yaml",
						"  - gateway.yaml", "  - payment-service.yaml", "FAIL k8s/overlays/demo (kubectl kustomize)"),
				new Breakage("Service selecting no pod", "k8s/base/gateway.yaml",
						"  selector:\n    app.kubernetes.io/name: gateway",
						"  selector:\n    app.kubernetes.io/name: gatway", "Service/gateway: selector"),
				new Breakage("autoscaler aimed at a Deployment that does not exist",
						"k8s/overlays/scaled/web-tier-hpa.yaml", "    name: web-tier", "    name: web-shop",
						"scaleTargetRef Deployment/web-shop"),
				new Breakage("compose Redis fsyncing on its own schedule", "docker-compose.yml",
						"\"--appendfsync\", \"everysec\"", "\"--appendfsync\", \"no\"",
						"docker-compose.yml: redis appendfsync is \"no\""),
				new Breakage("k8s Redis without the append-only file", "k8s/base/redis.yaml",
						"args: [\"--appendonly\", \"yes\", ", "args: [",
						"container redis: redis appendonly is not set"));
	}

	private static Run check(Path root) throws Exception {
		return run(MODULE, 180, "bash", SCRIPT.toString(), root.toString());
	}

	private static void copyDeploymentFiles(Path tree) throws IOException {
		Files.copy(ROOT.resolve("docker-compose.yml"), tree.resolve("docker-compose.yml"));
		Path k8s = ROOT.resolve("k8s");
		try (Stream<Path> paths = Files.walk(k8s)) {
			for (Path source : (Iterable<Path>) paths::iterator) {
				Path target = tree.resolve("k8s").resolve(k8s.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	private static boolean onPath(String command) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, command))
			.anyMatch(Files::isExecutable);
	}

	private static Run run(Path directory, int timeoutSeconds, String... command) throws Exception {
		Path log = Files.createTempFile("deploy-check", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail(String.join(" ", command) + " did not end within " + timeoutSeconds + " s:\n"
						+ Files.readString(log));
			}
			return new Run(process.exitValue(), Files.readString(log));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	record Run(int exitCode, String output) {
	}

	record Breakage(String name, String file, String find, String replacement, String reported) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
