package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A runnable jar whose main class is {@link StandInService}, taken from the test classes,
 * laid out where the launcher looks for a module's jar.
 */
final class StandInJar {

	private StandInJar() {
	}

	/**
	 * @param home the folder to use as the shop's home
	 * @param modules the modules to give a {@code target/<module>-exec.jar}
	 */
	static void layOut(Path home, String... modules) {
		for (String module : modules) {
			write(home.resolve(module).resolve("target").resolve(module + "-exec.jar"));
		}
	}

	static Path write(Path jar) {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses());
		try {
			Files.createDirectories(jar.getParent());
			try (OutputStream out = Files.newOutputStream(jar);
					JarOutputStream ignored = new JarOutputStream(out, manifest)) {
				return jar;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String testClasses() {
		try {
			return StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
