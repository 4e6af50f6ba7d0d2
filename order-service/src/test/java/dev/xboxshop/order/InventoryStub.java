package dev.xboxshop.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for inventory-service's reservation API (a peer HTTP service, so a stub is
 * fair; Redis and Kafka are always real). It keeps stock per sku, answers reservations
 * idempotently by id, and can be made slow (requests held until let go) or down (503).
 */
public final class InventoryStub implements AutoCloseable {

	private static final int DEFAULT_STOCK = 1000;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Integer> initial = new ConcurrentHashMap<>();

	private final Map<String, Integer> available = new ConcurrentHashMap<>();

	private final Map<String, Integer> reportedInitial = new ConcurrentHashMap<>();

	private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();

	private final List<String> reserveCalls = new CopyOnWriteArrayList<>();

	private final List<String> releaseCalls = new CopyOnWriteArrayList<>();

	private final Map<String, long[]> leases = new ConcurrentHashMap<>();

	private final List<String> leaseCalls = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private volatile String failure;

	private volatile boolean reserveBeforeFailure;

	private volatile CountDownLatch hold;

	private InventoryStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/reservations", this::reservations);
		this.server.createContext("/api/stock", this::stock);
		this.server.createContext("/api/leases", this::leases);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public static InventoryStub start() {
		return new InventoryStub();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
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
		this.leases.clear();
		this.leaseCalls.clear();
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

	/** Hold every reservation request until {@link #letGo()}. */
	public void holdReservations() {
		this.hold = new CountDownLatch(1);
	}

	public void letGo() {
		CountDownLatch latch = this.hold;
		this.hold = null;
		if (latch != null) {
			latch.countDown();
		}
	}

	/** Reserve as inventory's Kafka consumer would, without an HTTP call. */
	public synchronized void reserveDirectly(String reservationId, String sku, int quantity) {
		reserve(reservationId, sku, quantity);
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

	/** RESERVED, REJECTED, RELEASED, or null if never reserved. */
	public String status(String reservationId) {
		Reservation reservation = this.reservations.get(reservationId);
		return (reservation != null) ? reservation.status : null;
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
				this.releaseCalls.add(id);
				Reservation released = release(id);
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

	private synchronized Reservation reserve(String id, String sku, int quantity) {
		Reservation existing = this.reservations.get(id);
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
		this.reservations.put(id, reservation);
		return reservation;
	}

	private synchronized Reservation release(String id) {
		Reservation reservation = this.reservations.get(id);
		if (reservation == null || "REJECTED".equals(reservation.status)) {
			return null;
		}
		if ("RESERVED".equals(reservation.status)) {
			this.available.merge(reservation.sku, reservation.quantity, Integer::sum);
			reservation = new Reservation(reservation.sku, reservation.quantity, "RELEASED", false);
			this.reservations.put(id, reservation);
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

	private void awaitHold() {
		CountDownLatch latch = this.hold;
		if (latch != null) {
			try {
				latch.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private String problem(String slug, String detail) {
		return this.json.writeValueAsString(
				Map.of("type", "https://xbox-shop.example/problems/" + slug, "title", slug, "detail", detail));
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		letGo();
		this.server.stop(0);
		this.executor.shutdownNow();
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
