package dev.xboxshop.localrun;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./shop test}, the README's test command, run with a {@code PATH} that offers
 * chosen tools only (stand-ins that do nothing), and as a user who is not root, so it
 * never installs anything here; and {@code ./shop} in a fresh clone, where nothing is
 * built yet.
 */
class ShopTestCommandTests {

	private static final Path SHOP = Path.of("..", "shop").toAbsolutePath().normalize();

	private static final List<String> BASICS = List.of("bash", "dirname", "env");

	@Test
	void namesTheOneAptGetLineForMissingDebianPackagesAndRunsNoTest(@TempDir Path bin) throws Exception {
		standIns(bin, "kubectl", "node", "npm", "redis-server");
		notRoot(bin);

		Run run = shopTest(bin, "-pl", "local-run");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output())
			.contains("sudo apt-get install -y --no-install-recommends chromium chromium-driver docker-compose")
			.doesNotContain("Apache Maven");
	}

	@Test
	void namesToolsNoDebianPackageBrings(@TempDir Path bin) throws Exception {
		standIns(bin, "redis-server", "chromium", "chromedriver", "docker-compose", "npm");
		notRoot(bin);

		Run run = shopTest(bin);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("kubectl (", "node and npm (").doesNotContain("apt-get install");
	}

	@Test
	void runsMavenVerifyWithTheArgumentsGivenOnceEveryToolIsThere(@TempDir Path bin) throws Exception {
		standIns(bin, "redis-server", "chromium", "chromedriver", "docker-compose", "kubectl", "node", "npm");
		notRoot(bin);

		// the machine's own tools behind the stand-ins, for Maven; --version ends it at
		// once
		Run run = shopTest(bin.toString() + File.pathSeparator + System.getenv("PATH"), "-o", "--version");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Apache Maven").doesNotContain("./shop test:");
	}

	@Test
	void answersHelpAndStatusInAFreshCloneWithoutBuildingAnything(@TempDir Path clone) throws Exception {
		Path usage = Path.of("src", "main", "resources", "shop-usage.txt");
		Files.copy(SHOP, clone.resolve("shop"));
		Files.createDirectories(clone.resolve("local-run").resolve(usage).getParent());
		Files.copy(usage, clone.resolve("local-run").resolve(usage));
		// a Maven that leaves a mark: the build a fresh clone's first ./shop starts
		script(clone.resolve("mvnw"), "touch \"$(dirname \"$0\")/built\"; exit 3");

		Run help = run(clone, "--help");
		Run helpAfterOptions = run(clone, "--port-offset=5", "-h");
		Run status = run(clone, "status");
		Run stop = run(clone, "stop");

		assertThat(help.exitCode()).isZero();
		assertThat(help.output()).isEqualTo(Files.readString(usage)).startsWith("usage: ./shop");
		assertThat(helpAfterOptions.output()).isEqualTo(help.output());
		assertThat(status.output()).isEqualTo("The shop is not running.\n");
		assertThat(stop.output()).isEqualTo("The shop is not running.\n");
		assertThat(clone.resolve("built")).doesNotExist();
		assertThat(run(clone).output()).contains("building the shop");
		assertThat(clone.resolve("built")).exists();
	}

	private static Run run(Path clone, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(which("bash").toString(), clone.resolve("shop").toString()));
		command.addAll(List.of(arguments));
		return run(new ProcessBuilder(command).redirectErrorStream(true));
	}

	private static void standIns(Path bin, String... tools) throws IOException {
		for (String tool : tools) {
			script(bin.resolve(tool), "exit 0");
		}
		for (String basic : BASICS) {
			Files.createSymbolicLink(bin.resolve(basic), which(basic));
		}
	}

	private static void notRoot(Path bin) throws IOException {
		script(bin.resolve("id"), "echo 1000");
	}

	private static void script(Path file, String body) throws IOException {
		Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static Path which(String tool) {
		return List.of("/usr/bin", "/bin")
			.stream()
			.map((dir) -> Path.of(dir, tool))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + tool + " in /usr/bin or /bin"));
	}

	private static Run shopTest(Path bin, String... arguments) throws Exception {
		return shopTest(bin.toString(), arguments);
	}

	private static Run shopTest(String path, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(which("bash").toString(), SHOP.toString(), "test"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PATH", path);
		return run(builder);
	}

	private static Run run(ProcessBuilder builder) throws Exception {
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	record Run(int exitCode, String output) {
	}

}
