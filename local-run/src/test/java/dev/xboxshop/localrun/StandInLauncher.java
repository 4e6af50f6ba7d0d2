package dev.xboxshop.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./shop start} on free ports, with the home given: runs the launcher exactly as
 * the command does (its real Redis and Kafka broker, its pid file, its shutdown), only
 * the ports are not an offset of the defaults, so a test never meets another shop.
 */
public final class StandInLauncher {

	private StandInLauncher() {
	}

	public static void main(String[] args) {
		Path home = Path.of(args[0]);
		ShopOptions options = new ShopOptions(home, home.resolve(".run-local"), ShopPorts.free(), false,
				ShopOptions.DEFAULT_OPERATOR_TOKEN, "sync", null, null, List.of("-Xmx32m", "-XX:+UseSerialGC"),
				Map.of());
		LocalShopCommand.start(options, options.workDir().resolve("shop.pid"));
	}

}
