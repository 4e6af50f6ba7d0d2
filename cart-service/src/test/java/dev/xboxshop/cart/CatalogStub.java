package dev.xboxshop.cart;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import dev.xboxshop.testsupport.http.StubServer;

/**
 * Stands in for inventory-service's catalog (another team's service) on a free loopback
 * port. Knows two products; {@code BROKEN} answers 500 and {@code SILENT} never answers
 * until the stub stops.
 */
public final class CatalogStub implements AutoCloseable {

	public static final String CONSOLE = "XBOX-ONE";

	public static final String PAD = "XBOX-PAD";

	private final StubServer server;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final AtomicInteger held = new AtomicInteger();

	private volatile boolean down;

	private CatalogStub() {
		this.server = StubServer.start("catalog-stub").route("/api/products/", this::answer);
	}

	public static CatalogStub start() {
		return new CatalogStub();
	}

	public String url() {
		return this.server.url();
	}

	/** Answer every product read with 503, as inventory does with chaos {@code down}. */
	public void down(boolean down) {
		this.down = down;
	}

	private void answer(HttpExchange exchange) throws IOException {
		if (this.down) {
			send(exchange, 503, "{\"type\":\"https://xbox-shop.example/problems/warehouse-unavailable\"}");
			return;
		}
		String sku = exchange.getRequestURI().getPath().substring("/api/products/".length());
		switch (sku) {
			case CONSOLE -> send(exchange, 200, product(CONSOLE, "X-Box One Launch Edition", 49900, 2));
			case PAD -> send(exchange, 200, product(PAD, "Wireless Controller", 5999, 4));
			case "BROKEN" -> send(exchange, 500, "{\"status\":500}");
			case "SILENT" -> awaitStop(exchange);
			default -> send(exchange, 404, "{\"type\":\"https://xbox-shop.example/problems/unknown-product\"}");
		}
	}

	private static String product(String sku, String name, long priceCents, int maxPerOrder) {
		return """
				{"sku":"%s","name":"%s","description":"d","priceCents":%d,"imageUrl":"/images/x.png",
				 "available":100,"maxPerOrder":%d,"availableAsOf":"2025-11-01T00:00:00Z"}""".formatted(sku, name,
				priceCents, maxPerOrder);
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		StubServer.send(exchange, status, "application/json", json);
	}

	/** How many {@code SILENT} reads the stub holds unanswered right now. */
	public int held() {
		return this.held.get();
	}

	private void awaitStop(HttpExchange exchange) {
		this.held.incrementAndGet();
		try {
			this.stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.held.decrementAndGet();
		exchange.close();
	}

	@Override
	public void close() {
		this.stopped.countDown();
		this.server.close();
	}

}
