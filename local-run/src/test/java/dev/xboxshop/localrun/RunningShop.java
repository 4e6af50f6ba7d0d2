package dev.xboxshop.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.util.FileSystemUtils;

/**
 * One whole shop per test JVM, from the services' runnable jars: two replicas each of
 * inventory-service and order-service behind the gateway, with a real Redis server and a
 * KRaft broker of the shop's own, exactly as {@code ./shop --replicas} runs it. Every
 * system test shares it, so each test uses its own ids and sets the stock it needs.
 */
final class RunningShop {

	static final String OPERATOR_TOKEN = "system-test-operator";

	private static LocalShop shop;

	private RunningShop() {
	}

	static synchronized LocalShop get() {
		if (shop == null) {
			Path workDir = Path.of("target", "system-shop").toAbsolutePath();
			// the shop runs its own Redis and broker, as ./shop does, and stops them
			// after the
			// services; the broker is fresh each run, and a test can stop it
			FileSystemUtils.deleteRecursively(workDir.resolve("kafka").toFile());
			ShopOptions options = new ShopOptions(Path.of("..").toAbsolutePath().normalize(), workDir, ShopPorts.free(),
					true, OPERATOR_TOKEN, "sync", null, null,
					List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
					Map.of("*", List.of("--management.endpoints.web.exposure.include=health,info,metrics"),
							"order-service", List.of("--shop.order.async.deadline=90s"), "order-service-2",
							List.of("--shop.order.async.deadline=90s")));
			shop = LocalShop.start(options, (line) -> System.out.println("[shop] " + line));
			Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "stop-system-shop"));
		}
		return shop;
	}

}
