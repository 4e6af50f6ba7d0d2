package dev.xboxshop.order.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.OrderRepository;
import dev.xboxshop.order.audit.Audit.Check;
import dev.xboxshop.order.audit.Audit.Verdict;
import dev.xboxshop.order.inventory.InventoryClient;
import dev.xboxshop.order.inventory.ReservationReleases;
import dev.xboxshop.order.inventory.StockLevel;
import dev.xboxshop.order.inventory.WarehouseUnavailable;

/**
 * Checks DESIGN.md section 5 against every order in Redis and inventory's stock figures.
 * Checks that need inventory say UNKNOWN when it cannot be read; the report itself is
 * always a 200.
 */
@Component
class Auditor {

	private static final Duration GRACE = Duration.ofSeconds(5);

	private final OrderRepository orders;

	private final InventoryClient inventory;

	private final ReservationReleases releases;

	private final OrderProperties properties;

	private final Clock clock;

	Auditor(OrderRepository orders, InventoryClient inventory, ReservationReleases releases, OrderProperties properties,
			Clock clock) {
		this.orders = orders;
		this.inventory = inventory;
		this.releases = releases;
		this.properties = properties;
		this.clock = clock;
	}

	Audit audit() {
		Instant now = this.clock.instant();
		OrderFigures figures = new OrderFigures(now, this.properties.async().deadline(), GRACE,
				this.properties.launchSku());
		this.orders.forEach(500, figures::add);
		long pendingReleases = this.releases.pending();
		Map<String, StockLevel> stock = null;
		String inventoryError = null;
		try {
			stock = this.inventory.stock()
				.stream()
				.collect(Collectors.toMap(StockLevel::sku, Function.identity(), (a, b) -> a, TreeMap::new));
		}
		catch (WarehouseUnavailable ex) {
			inventoryError = ex.getMessage();
		}
		List<Check> checks = new ArrayList<>();
		checks.add(check("every accepted order settles in time", "1, 5", figures.overdueCount == 0,
				figures.overdueCount + " ACCEPTED order(s) past the deadline" + sample(figures.overdue)));
		checks.add(check("one order per idempotency key", "2", figures.duplicateKeys().isEmpty(),
				"keys used by more than one order: " + figures.duplicateKeys()));
		checks.add(check("cancelled and rejected orders say why", "5", figures.failedWithoutReason.isEmpty(),
				"without a reason: " + figures.failedWithoutReason));
		checks.add(purchaseLimit(figures));
		checks.addAll(new StockChecks(figures, stock, pendingReleases).checks());
		List<String> violations = checks.stream()
			.filter((check) -> check.verdict() == Verdict.FAIL)
			.map((check) -> check.name() + ": " + check.detail())
			.toList();
		return new Audit(verdict(checks), now,
				new Audit.Orders(figures.total, figures.byStatus, figures.byMode, figures.overdueCount),
				skus(figures, stock), new Audit.Inventory(stock != null, inventoryError), pendingReleases, checks,
				violations);
	}

	private Check purchaseLimit(OrderFigures figures) {
		int limit = this.properties.purchaseLimit();
		List<String> over = new ArrayList<>();
		List<String> drift = new ArrayList<>();
		List<String> customers = new ArrayList<>(figures.launchUnitsByCustomer.keySet());
		for (int from = 0; from < customers.size(); from += 500) {
			List<String> batch = customers.subList(from, Math.min(customers.size(), from + 500));
			this.orders.heldUnits(batch).forEach((customer, counted) -> {
				int held = figures.launchUnitsByCustomer.get(customer);
				if (held > limit) {
					over.add(customer + " holds " + held);
				}
				if (held != counted && stillDrifts(customer)) {
					drift.add(customer + " holds " + held + ", counter says " + counted);
				}
			});
		}
		return check("purchase limit of " + limit + " " + this.properties.launchSku(), "scalper rule",
				over.isEmpty() && drift.isEmpty(), "over the limit: " + over + "; counters off: " + drift);
	}

	/**
	 * The scan of all orders and the counters are read at different moments, so an order
	 * settling in between looks like drift. Drift is only reported when the customer's
	 * own orders and counter still disagree on a few fresh reads.
	 */
	private boolean stillDrifts(String customer) {
		String sku = this.properties.launchSku();
		for (int attempt = 0; attempt < 3; attempt++) {
			int held = this.orders.recent(customer, 1_000)
				.stream()
				.filter((order) -> !order.status().isFailed())
				.mapToInt((order) -> order.unitsOf(sku))
				.sum();
			if (held == this.orders.heldUnits(customer)) {
				return false;
			}
		}
		return true;
	}

	private static List<Audit.Sku> skus(OrderFigures figures, Map<String, StockLevel> stock) {
		TreeSet<String> names = new TreeSet<>(figures.confirmedUnits.keySet());
		names.addAll(figures.inFlightUnits.keySet());
		if (stock != null) {
			names.addAll(stock.keySet());
		}
		return names.stream()
			.map((sku) -> new Audit.Sku(sku, figures.confirmedUnits.getOrDefault(sku, 0L),
					figures.inFlightUnits.getOrDefault(sku, 0L), (stock != null) ? stock.get(sku) : null))
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
		return ids.isEmpty() ? "" : ", e.g. " + ids;
	}

}
