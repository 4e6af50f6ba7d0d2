package dev.xboxshop.localrun.badinput;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;

import dev.xboxshop.localrun.LocalShop;
import dev.xboxshop.localrun.ShopOptions;
import dev.xboxshop.localrun.ShopPorts;
import dev.xboxshop.websupport.identity.CustomerTokens;

/**
 * The bad-input suite's own shop, once per test JVM: every service from its runnable jar
 * on free ports, with its own Redis and broker, so nothing else writes to it while the
 * suite reads its state. The gateway's rate limits are raised far above what the suite
 * sends, so its requests reach the services instead of measuring the limiter.
 * <p>
 * Before the suite starts it holds one order (sync, confirmed), so that cases can replay
 * its idempotency key with another body and read it as another customer. That order, the
 * seeded stock and the auditor's figures are the state the suite must leave as it found
 * it ({@link #before()}).
 */
final class BadInputShop {

	static final String OPERATOR_TOKEN = "bad-input-operator";

	static final String XBOX = "XBOX-SERIES-X";

	static final String OWNER = "bad-input-owner";

	static final String OWNER_KEY = "bad-input-owner-key-1";

	static final String OWNER_BODY = "{\"customerId\":\"" + OWNER + "\",\"items\":[{\"sku\":\"" + XBOX
			+ "\",\"quantity\":1}]}";

	/** The suite's two halves: the shop stops once both have read their state. */
	private static final int HALVES = 2;

	private static BadInputShop instance;

	private static int finished;

	private final LocalShop shop;

	private final String ownerOrderId;

	private final ShopState before;

	private BadInputShop(LocalShop shop) {
		this.shop = shop;
		this.ownerOrderId = placeOwnerOrder();
		this.before = ShopState.read(this);
	}

	static synchronized BadInputShop get() {
		if (instance == null) {
			Path workDir = Path.of("target", "bad-input-shop").toAbsolutePath();
			FileSystemUtils.deleteRecursively(workDir.toFile());
			ShopOptions options = new ShopOptions(Path.of("..").toAbsolutePath().normalize(), workDir, ShopPorts.free(),
					false, OPERATOR_TOKEN, "sync", null, null,
					List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
					Map.of("gateway",
							List.of("--shop.gateway.rate-limit.replenish-rate=100000",
									"--shop.gateway.rate-limit.burst-capacity=100000",
									"--shop.gateway.rate-limit.orders.replenish-rate=100000",
									"--shop.gateway.rate-limit.orders.burst-capacity=100000",
									"--shop.gateway.rate-limit.pages.replenish-rate=100000",
									"--shop.gateway.rate-limit.pages.burst-capacity=100000")));
			LocalShop shop = LocalShop.start(options, (line) -> System.out.println("[bad-input shop] " + line));
			Runtime.getRuntime().addShutdownHook(new Thread(shop::close, "stop-bad-input-shop"));
			instance = new BadInputShop(shop);
		}
		return instance;
	}

	/**
	 * A half of the suite is done with the shop: after the second the shop stops, so the
	 * system tests that run next in this JVM do not share the machine with it (a half run
	 * alone leaves it to the JVM's shutdown hook).
	 */
	static synchronized void finished() {
		if (++finished == HALVES && instance != null) {
			instance.shop.close();
		}
	}

	int port(String service) {
		return URI.create(this.shop.url(service)).getPort();
	}

	/** The one order the suite found in the shop, placed by {@link #OWNER}. */
	String ownerOrderId() {
		return this.ownerOrderId;
	}

	ShopState before() {
		return this.before;
	}

	private String placeOwnerOrder() {
		RawHttp.Request order = new RawHttp.Request("POST", "/api/orders",
				List.of(Map.entry("Content-Type", "application/json"), Map.entry("Idempotency-Key", OWNER_KEY),
						// the owner as the gateway verifies a customer
						Map.entry(CustomerTokens.CUSTOMER_HEADER, OWNER),
						Map.entry(CustomerTokens.PROOF_HEADER,
								new CustomerTokens(ShopOptions.DEFAULT_IDENTITY_SECRET).proof(OWNER))),
				OWNER_BODY.getBytes(StandardCharsets.UTF_8));
		// order-service lists the catalog in the background: until then it answers 503
		RawHttp.Answer placed = Awaitility.await()
			.atMost(Duration.ofMinutes(1))
			.until(() -> RawHttp.send(port("order-service"), order), (answer) -> answer.status() == 201);
		String body = placed.text();
		int at = body.indexOf("\"orderId\":\"") + "\"orderId\":\"".length();
		return body.substring(at, body.indexOf('"', at));
	}

	static String fresh(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

}
