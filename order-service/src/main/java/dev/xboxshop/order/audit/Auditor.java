package dev.xboxshop.order.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.audit.Audit.Check;
import dev.xboxshop.order.audit.Audit.Verdict;
import dev.xboxshop.order.escrow.EscrowLeases;
import dev.xboxshop.order.inventory.InventoryClient;
import dev.xboxshop.order.inventory.ReservationReleases;
import dev.xboxshop.order.inventory.StockLevel;
import dev.xboxshop.order.inventory.WarehouseUnavailable;

/**
 * Checks DESIGN.md section 5 against the counters the order scripts keep, the orders in
 * flight and inventory's stock figures: O(skus + orders in flight), never a walk over
 * every order. Checks that need inventory say UNKNOWN when it cannot be read; the report
 * itself is always a 200.
 */
@Component
class Auditor {

	private static final Duration GRACE = Duration.ofSeconds(5);

	private final AuditCounters counters;

	private final PurchaseLimitSweep purchaseLimits;

	private final InventoryClient inventory;

	private final ReservationReleases releases;

	private final OrderProperties properties;

	private final Clock clock;

	private final EscrowLeases escrow;

	private final OrderWitness witness;

	private final Executor stockReader = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "audit-stock");
		thread.setDaemon(true);
		return thread;
	});

	Auditor(AuditCounters counters, PurchaseLimitSweep purchaseLimits, InventoryClient inventory,
			ReservationReleases releases, OrderProperties properties, Clock clock, EscrowLeases escrow,
			OrderWitness witness) {
		this.escrow = escrow;
		this.witness = witness;
		this.counters = counters;
		this.purchaseLimits = purchaseLimits;
		this.inventory = inventory;
		this.releases = releases;
		this.properties = properties;
		this.clock = clock;
	}

	Audit audit() {
		Instant now = this.clock.instant();
		// inventory answers over HTTP while the figures are read from Redis
		CompletableFuture<List<StockLevel>> levels = CompletableFuture.supplyAsync(this.inventory::stock,
				this.stockReader);
		CompletableFuture<List<EscrowLeases.View>> leases = CompletableFuture.supplyAsync(this.escrow::leases,
				this.stockReader);
		OrderFigures figures = this.counters.read(now.minus(this.properties.async().deadline()).minus(GRACE));
		long pendingReleases = this.releases.pending();
		Map<String, StockLevel> stock = null;
		String inventoryError = null;
		try {
			stock = levels.join()
				.stream()
				.collect(Collectors.toMap(StockLevel::sku, Function.identity(), (a, b) -> a, TreeMap::new));
		}
		catch (CompletionException ex) {
			if (!(ex.getCause() instanceof WarehouseUnavailable unavailable)) {
				throw ex;
			}
			inventoryError = unavailable.getMessage();
		}
		OrderWitness.Findings witnessed = this.witness.check();
		List<Check> checks = new ArrayList<>();
		checks.add(stored(witnessed));
		checks.add(check("every accepted order settles in time", "1, 5", figures.overdueCount() == 0,
				figures.overdueCount() + " ACCEPTED order(s) past the deadline" + sample(figures.overdue())));
		checks.add(check("one order per idempotency key", "2", figures.sharedKeyCount() == 0,
				"keys used by more than one order: " + figures.sharedKeys()));
		checks.add(check("cancelled and rejected orders say why", "5", figures.failedWithoutReasonCount() == 0,
				"without a reason: " + figures.failedWithoutReason()));
		checks.add(purchaseLimit(figures));
		checks.add(countersAgree(figures));
		checks.addAll(new StockChecks(figures, stock, pendingReleases).checks());
		checks.add(escrowLeases(leases));
		List<String> violations = checks.stream()
			.filter((check) -> check.verdict() == Verdict.FAIL)
			.map((check) -> check.name() + ": " + check.detail())
			.toList();
		return new Audit(verdict(checks), now,
				new Audit.Orders(figures.total(), figures.byStatus(), figures.byMode(), figures.overdueCount(),
						figures.retired()),
				skus(figures, stock), new Audit.Inventory(stock != null, inventoryError), pendingReleases, witnessed,
				checks, violations);
	}

	/**
	 * Every order the witness saw acknowledged is still in the store, in a state no older
	 * than the witness's: a wiped or rolled-back Redis fails here, with the ids.
	 */
	private static Check stored(OrderWitness.Findings found) {
		String name = "every acknowledged order is still stored (the witness)";
		if (!found.read()) {
			return new Check(name, "1", Verdict.UNKNOWN,
					"the witness is still reading " + found.topic() + " (" + found.witnessed() + " order(s) so far)");
		}
		return check(name, "1", found.missingCount() == 0 && found.rolledBackCount() == 0,
				found.owed() + " acknowledged order(s) in " + found.topic() + ", " + found.missingCount() + " missing"
						+ sample(found.missing()) + ", " + found.rolledBackCount() + " rolled back"
						+ sample(found.rolledBack()) + (found.caughtUp() ? "" : "; the witness is behind its topic"));
	}

	/**
	 * No escrow unit confirmed twice: no replica sold more than its lease kept for it.
	 */
	private static Check escrowLeases(CompletableFuture<List<EscrowLeases.View>> leases) {
		String name = "no escrow unit sold twice";
		try {
			List<String> oversold = EscrowLeases.oversold(leases.join());
			return check(name, "2, 3", oversold.isEmpty(),
					oversold.isEmpty() ? "every replica sold within its leases" : oversold.toString());
		}
		catch (CompletionException ex) {
			return new Check(name, "2, 3", Verdict.UNKNOWN, "inventory leases could not be read");
		}
	}

	private Check purchaseLimit(OrderFigures figures) {
		int limit = this.properties.purchaseLimit();
		PurchaseLimitSweep.Findings found = this.purchaseLimits.next(limit);
		return check("purchase limit of " + limit + " " + this.properties.launchSku(), "scalper rule",
				found.over().isEmpty() && found.drift().isEmpty(),
				"over the limit: " + found.over() + "; counters off: " + found.drift() + "; compared "
						+ found.compared() + " of " + figures.customersHolding() + " customer(s) holding units");
	}

	/**
	 * The counters against the indexes the same scripts keep: a difference means an order
	 * was written around the scripts (or a script lost a count).
	 */
	private static Check countersAgree(OrderFigures figures) {
		return check("the audit counters agree with the order indexes", "auditor",
				figures.total() == figures.indexed() && figures.accepted() == figures.inFlight(),
				figures.total() + " order(s) counted, " + figures.indexed() + " indexed; " + figures.accepted()
						+ " ACCEPTED counted, " + figures.inFlight() + " in flight");
	}

	private static List<Audit.Sku> skus(OrderFigures figures, Map<String, StockLevel> stock) {
		TreeSet<String> names = new TreeSet<>(figures.confirmedUnits().keySet());
		names.addAll(figures.inFlightUnits().keySet());
		names.addAll(figures.retiredConfirmedUnits().keySet());
		if (stock != null) {
			names.addAll(stock.keySet());
		}
		return names.stream()
			.map((sku) -> new Audit.Sku(sku, figures.confirmedUnits().getOrDefault(sku, 0L),
					figures.inFlightUnits().getOrDefault(sku, 0L),
					figures.retiredConfirmedUnits().getOrDefault(sku, 0L), (stock != null) ? stock.get(sku) : null))
			.toList();
	}

	static Check check(String name, String invariant, boolean passed, String detail) {
		return new Check(name, invariant, passed ? Verdict.PASS : Verdict.FAIL, detail);
	}

	private static Verdict verdict(List<Check> checks) {
		if (checks.stream().anyMatch((check) -> check.verdict() == Verdict.FAIL)) {
			return Verdict.FAIL;
		}
		return checks.stream().anyMatch((check) -> check.verdict() == Verdict.UNKNOWN) ? Verdict.UNKNOWN : Verdict.PASS;
	}

	private static String sample(List<String> ids) {
		return ids.isEmpty() ? "" : ", e.g. " + ids.subList(0, Math.min(ids.size(), 20));
	}

}
