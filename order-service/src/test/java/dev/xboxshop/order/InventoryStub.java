package dev.xboxshop.order;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.testsupport.http.StubServer;

/**
 * A stand-in for inventory-service's catalog and reservation API (a peer HTTP service, so
 * a stub is fair; Redis and Kafka are always real). It lists a catalog, keeps stock per
 * sku, answers reservations idempotently by (order id, sku), leaves a tombstone for a
 * release that comes before its reservation, as inventory does, and can be made slow
 * (requests held until let go) or down (503).
 */
public final class InventoryStub implements AutoCloseable {

	private static final int DEFAULT_STOCK = 1000;

	/**
	 * Every sku the tests order, priced; generous limits, so limits are tested on
	 * purpose.
	 */
	private static final List<Product> CATALOG = List.of(new Product("XBOX-SERIES-X", "Xbox Series X", 49999, 10),
			new Product("GAME-A", "Game A", 5999, 10), new Product("GAME-B", "Game B", 6999, 10),
			new Product("GAME-C", "Game C", 3999, 10), new Product("GAME-RARE", "A Rare Game", 12999, 10),
			new Product("CONTROLLER-WHITE", "Controller, white", 5999, 10),
			new Product("CONTROLLER-BLACK", "Controller, black", 5999, 10), new Product("PAD", "Pad", 1999, 10),
			new Product("HEADSET", "Wireless Headset", 10999, 3));

	private final JsonMapper json = JsonMapper.builder().build();

	private final StubServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Integer> initial = new ConcurrentHashMap<>();

	private final Map<String, Integer> available = new ConcurrentHashMap<>();

	private final Map<String, Integer> reportedInitial = new ConcurrentHashMap<>();

	private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

	private final List<String> reserveCalls = new CopyOnWriteArrayList<>();

	private final List<String> releaseCalls = new CopyOnWriteArrayList<>();

	private final List<String> traceparents = new CopyOnWriteArrayList<>();

	private final Map<String, Product> products = new ConcurrentHashMap<>();

	private final List<String> catalogCalls = new CopyOnWriteArrayList<>();

	private final AtomicInteger stockCalls = new AtomicInteger();

	private final Map<String, long[]> leases = new ConcurrentHashMap<>();

	private final List<String> leaseCalls = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private volatile String failure;

	private volatile boolean reserveBeforeFailure;

	private volatile CountDownLatch hold;

	private final AtomicInteger held = new AtomicInteger();

	private InventoryStub() {
		this.server = StubServer.start(this.executor)
			.route("/api/reservations", traced(this::reservations))
			.route("/api/stock", traced(this::stock))
			.route("/api/products", traced(this::products))
			.route("/api/leases", traced(this::leases));
		CATALOG.forEach((product) -> this.products.put(product.sku(), product));
	}

	private HttpHandler traced(HttpHandler handler) {
		return (exchange) -> {
			String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
			if (traceparent != null) {
				this.traceparents.add(traceparent);
			}
			handler.handle(exchange);
		};
	}

	public static InventoryStub start() {
		return new InventoryStub();
	}

	public String url() {
		return this.server.url();
	}

	/** Forget every reservation and setting. */
	public synchronized void reset() {
		letGo();
		this.down = false;
		this.failure = null;
		this.initial.clear();
		this.available.clear();
		this.reportedInitial.clear();
		this.reservations.clear();
		this.reserveCalls.clear();
		this.releaseCalls.clear();
		this.traceparents.clear();
		this.leases.clear();
		this.leaseCalls.clear();
		this.catalogCalls.clear();
		this.stockCalls.set(0);
		CATALOG.forEach((product) -> this.products.put(product.sku(), product));
	}

	/** List a product (or change one) in the catalog. */
	public void product(String sku, String name, long priceCents, int maxPerOrder) {
		this.products.put(sku, new Product(sku, name, priceCents, maxPerOrder));
	}

	/** The requests made to the catalog, by path. */
	public List<String> catalogCalls() {
		return new ArrayList<>(this.catalogCalls);
	}

	/** How many stock readings were asked for, answered or not. */
	public int stockCalls() {
		return this.stockCalls.get();
	}

	public synchronized void stock(String sku, int units) {
		this.initial.put(sku, units);
		this.available.put(sku, units);
	}

	/** Report a different initial stock than the real one (to fake an oversell). */
	public void reportInitial(String sku, int units) {
		this.reportedInitial.put(sku, units);
	}

	public void down(boolean down) {
		this.down = down;
	}

	/**
	 * Answer every reservation with 503 and the given problem type.
	 * @param slug the problem type's slug, e.g. {@code warehouse-busy}
	 * @param reserveFirst whether stock is reserved before the error (a store that failed
	 * after the write)
	 */
	public void failReservations(String slug, boolean reserveFirst) {
		this.reserveBeforeFailure = reserveFirst;
		this.failure = slug;
	}

	/** Hold every reservation and lease request until {@link #letGo()}. */
	public void holdReservations() {
		this.hold = new CountDownLatch(1);
	}

	/** How many requests are held unanswered right now. */
	public int held() {
		return this.held.get();
	}

	public void letGo() {
		CountDownLatch latch = this.hold;
		this.hold = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	/** Reserve as inventory's Kafka consumer would, without an HTTP call. */
	public synchronized void reserveDirectly(String orderId, String sku, int quantity) {
		reserve(orderId, sku, quantity);
	}

	/** The {@code traceparent} headers of every request, in the order they came. */
	public List<String> traceparents() {
		return new ArrayList<>(this.traceparents);
	}

	public List<String> reserveCalls() {
		return new ArrayList<>(this.reserveCalls);
	}

	/** Lease calls as {@code METHOD sku/replica wanted-or-sold}. */
	public List<String> leaseCalls() {
		return new ArrayList<>(this.leaseCalls);
	}

	/**
	 * Units one replica's lease of a sku holds here (granted - returned - reported sold).
	 */
	public synchronized long leaseHeld(String sku, String replica) {
		long[] lease = this.leases.get(sku + "/" + replica);
		return (lease != null) ? lease[0] - lease[1] - lease[2] : 0;
	}

	public List<String> releaseCalls() {
		return new ArrayList<>(this.releaseCalls);
	}

	/**
	 * The status of an order's reservation of one sku.
	 * @return RESERVED, REJECTED, RELEASED, or null if never reserved nor released
	 */
	public String status(String orderId, String sku) {
		Reservation reservation = this.reservations.get(key(orderId, sku));
		return (reservation != null) ? reservation.status : null;
	}

	/**
	 * The status of the reservation of a one-line order (see
	 * {@link #status(String, String)}).
	 * @throws IllegalStateException if the order has reservations of several skus
	 */
	public synchronized String status(String orderId) {
		List<String> statuses = this.reservations.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(orderId + "|"))
			.map((entry) -> entry.getValue().status)
			.toList();
		if (statuses.size() > 1) {
			throw new IllegalStateException(orderId + " has several reservations: name the sku");
		}
		return statuses.isEmpty() ? null : statuses.get(0);
	}

	public int available(String sku) {
		return this.available.getOrDefault(sku, DEFAULT_STOCK);
	}

	private void reservations(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.down) {
				send(exchange, 503, problem("warehouse-unavailable", "down"));
				return;
			}
			if ("POST".equals(exchange.getRequestMethod())) {
				JsonNode body = this.json.readTree(exchange.getRequestBody().readAllBytes());
				String id = body.get("orderId").asString();
				this.reserveCalls.add(id);
				awaitHold();
				String failure = this.failure;
				if (failure != null) {
					if (this.reserveBeforeFailure) {
						reserve(id, body.get("sku").asString(), body.get("quantity").asInt());
					}
					send(exchange, 503, problem(failure, "failing"));
					return;
				}
				Reservation reservation = reserve(id, body.get("sku").asString(), body.get("quantity").asInt());
				if ("REJECTED".equals(reservation.status)) {
					send(exchange, 409, problem("sold-out", "Not enough " + reservation.sku));
				}
				else {
					send(exchange, reservation.fresh ? 201 : 200, reservation.toJson(id));
				}
			}
			else if ("DELETE".equals(exchange.getRequestMethod())) {
				String id = exchange.getRequestURI().getPath().substring("/api/reservations/".length());
				String query = exchange.getRequestURI().getQuery();
				String sku = (query != null && query.startsWith("sku=")) ? query.substring(4) : null;
				this.releaseCalls.add(id);
				Reservation released = release(id, sku);
				if (released == null) {
					send(exchange, 404, problem("not-found", "No reservation " + id));
				}
				else {
					send(exchange, 200, released.toJson(id));
				}
			}
			else {
				send(exchange, 405, problem("method-not-allowed", exchange.getRequestMethod()));
			}
		}
	}

	private static String key(String orderId, String sku) {
		return orderId + "|" + sku;
	}

	private synchronized Reservation reserve(String id, String sku, int quantity) {
		Reservation existing = this.reservations.get(key(id, sku));
		if (existing != null) {
			return existing.replayed();
		}
		int free = this.available.computeIfAbsent(sku, (s) -> {
			this.initial.put(s, DEFAULT_STOCK);
			return DEFAULT_STOCK;
		});
		Reservation reservation = new Reservation(sku, quantity, (free >= quantity) ? "RESERVED" : "REJECTED", true);
		if (free >= quantity) {
			this.available.put(sku, free - quantity);
		}
		this.reservations.put(key(id, sku), reservation);
		return reservation;
	}

	/**
	 * Without a sku: every reservation of the order, answered with the first; null if it
	 * has none.
	 */
	private synchronized Reservation release(String id, String sku) {
		if (sku == null) {
			// every line of the order, as inventory does; answered with the first
			Reservation first = null;
			for (String key : List.copyOf(this.reservations.keySet())) {
				if (key.startsWith(id + "|")) {
					Reservation released = release(id, key.substring(id.length() + 1));
					first = (first != null) ? first : released;
				}
			}
			return first;
		}
		Reservation reservation = this.reservations.get(key(id, sku));
		if (reservation == null) {
			reservation = new Reservation(sku, 0, "RELEASED", true);
			this.reservations.put(key(id, sku), reservation);
		}
		else if ("RESERVED".equals(reservation.status)) {
			this.available.merge(reservation.sku, reservation.quantity, Integer::sum);
			reservation = new Reservation(reservation.sku, reservation.quantity, "RELEASED", false);
			this.reservations.put(key(id, sku), reservation);
		}
		return reservation;
	}

	/**
	 * Leases as inventory grants them (without its near-sell-out halving): PUT moves up
	 * to {@code wanted} units from available into the lease, DELETE gives back what the
	 * holder did not sell. A lease is {granted, returned, sold}; it expires 5 s after
	 * each call.
	 */
	private void leases(HttpExchange exchange) throws IOException {
		try (exchange) {
			awaitHold();
			if (this.down) {
				send(exchange, 503, problem("warehouse-unavailable", "down"));
				return;
			}
			if ("GET".equals(exchange.getRequestMethod())) {
				List<String> all = new ArrayList<>();
				synchronized (this) {
					this.leases.forEach(
							(key, lease) -> all.add(leaseJson(key.split("/")[0], key.split("/")[1], lease, 0, "null")));
				}
				send(exchange, 200, "[" + String.join(",", all) + "]");
				return;
			}
			String path = exchange.getRequestURI().getPath().substring("/api/leases/".length());
			String query = exchange.getRequestURI().getQuery();
			String[] parts = path.split("/");
			String sku = parts[0];
			long moved;
			long[] lease;
			synchronized (this) {
				lease = this.leases.computeIfAbsent(path, (key) -> new long[3]);
				int free = this.available.computeIfAbsent(sku, (s) -> {
					this.initial.put(s, DEFAULT_STOCK);
					return DEFAULT_STOCK;
				});
				if ("PUT".equals(exchange.getRequestMethod())) {
					JsonNode body = this.json.readTree(exchange.getRequestBody().readAllBytes());
					int wanted = body.get("wanted").asInt();
					this.leaseCalls.add("PUT " + path + " " + wanted);
					moved = Math.min(wanted, free);
					lease[0] += moved;
					lease[2] = Math.max(lease[2], body.get("soldTotal").asLong());
					this.available.put(sku, (int) (free - moved));
				}
				else {
					long sold = Long.parseLong(query.substring(query.indexOf('=') + 1));
					this.leaseCalls.add("DELETE " + path + " " + sold);
					lease[2] = Math.max(lease[2], sold);
					moved = Math.max(0, lease[0] - lease[1] - lease[2]);
					lease[1] += moved;
					this.available.put(sku, (int) (free + moved));
				}
			}
			String expiresAt = "PUT".equals(exchange.getRequestMethod())
					? "\"" + java.time.Instant.now().plusSeconds(5) + "\"" : "null";
			send(exchange, 200, leaseJson(sku, parts[1], lease, moved, expiresAt));
		}
	}

	private String leaseJson(String sku, String replica, long[] lease, long moved, String expiresAt) {
		return "{\"sku\":\"" + sku + "\",\"replicaId\":\"" + replica + "\",\"status\":\"GRANTED\",\"granted\":"
				+ lease[0] + ",\"settled\":0,\"returned\":" + lease[1] + ",\"held\":" + (lease[0] - lease[1])
				+ ",\"expiresAt\":" + expiresAt + ",\"available\":" + this.available.get(sku) + ",\"moved\":" + moved
				+ "}";
	}

	private void stock(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.stockCalls.incrementAndGet();
			if (this.down) {
				send(exchange, 503, problem("warehouse-unavailable", "down"));
				return;
			}
			List<Map<String, Object>> levels = new ArrayList<>();
			synchronized (this) {
				this.initial.forEach((sku, units) -> {
					int reserved = this.reservations.values()
						.stream()
						.filter((r) -> r.sku.equals(sku) && "RESERVED".equals(r.status))
						.mapToInt((r) -> r.quantity)
						.sum();
					long leased = this.leases.entrySet()
						.stream()
						.filter((lease) -> lease.getKey().startsWith(sku + "/"))
						.mapToLong((lease) -> lease.getValue()[0] - lease.getValue()[1])
						.sum();
					levels.add(Map.of("sku", sku, "initial", this.reportedInitial.getOrDefault(sku, units),
							"adjustments", 0, "available", this.available.get(sku), "leased", leased, "reserved",
							reserved, "sold", 0, "conserved", true));
				});
			}
			send(exchange, 200, this.json.writeValueAsString(levels));
		}
	}

	private void products(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.catalogCalls.add(exchange.getRequestURI().getPath());
			if (this.down) {
				send(exchange, 503, problem("warehouse-unavailable", "down"));
				return;
			}
			List<Map<String, Object>> listed = new ArrayList<>();
			this.products.values()
				.stream()
				.sorted((a, b) -> a.sku().compareTo(b.sku()))
				.forEach((product) -> listed.add(Map.of("sku", product.sku(), "name", product.name(), "description",
						"About " + product.name(), "priceCents", product.priceCents(), "imageUrl",
						"/images/product.svg", "available", available(product.sku()), "maxPerOrder",
						product.maxPerOrder(), "availableAsOf", "2026-12-01T09:00:00Z")));
			send(exchange, 200, this.json.writeValueAsString(listed));
		}
	}

	private void awaitHold() {
		CountDownLatch latch = this.hold;
		if (latch != null) {
			this.held.incrementAndGet();
			try {
				latch.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.held.decrementAndGet();
			}
		}
	}

	private String problem(String slug, String detail) {
		return this.json.writeValueAsString(
				Map.of("type", "https://xbox-shop.example/problems/" + slug, "title", slug, "detail", detail));
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		StubServer.send(exchange, status, body);
	}

	@Override
	public void close() {
		letGo();
		this.server.close();
	}

	private record Product(String sku, String name, long priceCents, int maxPerOrder) {

	}

	private record Reservation(String sku, int quantity, String status, boolean fresh) {

		Reservation replayed() {
			return new Reservation(this.sku, this.quantity, this.status, false);
		}

		String toJson(String id) {
			return "{\"orderId\":\"" + id + "\",\"sku\":\"" + this.sku + "\",\"quantity\":" + this.quantity
					+ ",\"status\":\"" + this.status + "\",\"reason\":null}";
		}

	}

}
