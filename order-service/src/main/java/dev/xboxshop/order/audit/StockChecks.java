package dev.xboxshop.order.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.xboxshop.order.audit.Audit.Check;
import dev.xboxshop.order.audit.Audit.Verdict;
import dev.xboxshop.order.inventory.StockLevel;

/**
 * The checks that compare orders with inventory's stock figures (invariants 2, 3, 4).
 */
class StockChecks {

	private final OrderFigures figures;

	private final Map<String, StockLevel> stock;

	private final long pendingReleases;

	StockChecks(OrderFigures figures, Map<String, StockLevel> stock, long pendingReleases) {
		this.figures = figures;
		this.stock = stock;
		this.pendingReleases = pendingReleases;
	}

	List<Check> checks() {
		if (this.stock == null) {
			String why = "inventory stock could not be read";
			return List.of(unknown("confirmed units never exceed stock", "3", why),
					unknown("every confirmed unit is reserved or sold", "2, 3", why),
					unknown("nothing reserved beyond live orders", "2", why), unknown("stock is conserved", "4", why));
		}
		return List.of(noOversell(), confirmedAreHeld(), nothingStranded(), conservation());
	}

	private Check noOversell() {
		List<String> oversold = new ArrayList<>();
		this.figures.everConfirmedUnits().forEach((sku, confirmed) -> {
			StockLevel level = this.stock.get(sku);
			long total = (level != null) ? level.initial() + level.adjustments() : 0;
			if (confirmed > total) {
				oversold.add(sku + ": " + confirmed + " confirmed, stock " + total
						+ ((level == null) ? " (unknown to inventory)" : ""));
			}
		});
		return Auditor.check("confirmed units never exceed stock", "3", oversold.isEmpty(),
				oversold.isEmpty() ? "confirmed units per sku within initial + adjustments" : oversold.toString());
	}

	private Check confirmedAreHeld() {
		List<String> unbacked = new ArrayList<>();
		this.figures.everConfirmedUnits().forEach((sku, confirmed) -> {
			StockLevel level = this.stock.get(sku);
			// an escrow sale sits in its lease until inventory has recorded it
			long held = (level != null) ? level.reserved() + level.sold() + level.leased() : 0;
			if (confirmed > held) {
				unbacked.add(sku + ": " + confirmed + " confirmed, " + held + " reserved, sold or leased");
			}
		});
		return Auditor.check("every confirmed unit is reserved or sold", "2, 3", unbacked.isEmpty(),
				unbacked.isEmpty() ? "every confirmed unit is held by inventory" : unbacked.toString());
	}

	/**
	 * Units inventory holds beyond live orders are duplicate or stranded reservations.
	 */
	private Check nothingStranded() {
		List<String> stranded = new ArrayList<>();
		this.stock.forEach((sku, level) -> {
			long live = this.figures.everConfirmedUnits().getOrDefault(sku, 0L)
					+ this.figures.inFlightUnits().getOrDefault(sku, 0L);
			long held = level.reserved() + level.sold();
			if (held > live) {
				stranded.add(sku + ": " + held + " reserved or sold, " + live
						+ " in live orders and retired confirmed ones");
			}
		});
		if (stranded.isEmpty()) {
			return Auditor.check("nothing reserved beyond live orders", "2", true,
					"no duplicate or stranded reservations");
		}
		if (this.pendingReleases > 0) {
			return new Check("nothing reserved beyond live orders", "2", Verdict.UNKNOWN,
					this.pendingReleases + " release(s) still in progress; " + stranded);
		}
		return Auditor.check("nothing reserved beyond live orders", "2", false, stranded.toString());
	}

	private Check conservation() {
		List<String> broken = new ArrayList<>();
		this.stock.forEach((sku, level) -> {
			boolean negative = level.available() < 0 || level.leased() < 0 || level.reserved() < 0 || level.sold() < 0;
			boolean balanced = level.available() + level.leased() + level.reserved() + level.sold() == level.initial()
					+ level.adjustments();
			if (negative || !balanced || !level.conserved()) {
				broken.add(sku + ": available " + level.available() + " + leased " + level.leased() + " + reserved "
						+ level.reserved() + " + sold " + level.sold() + " vs initial " + level.initial()
						+ " + adjustments " + level.adjustments());
			}
		});
		return Auditor.check("stock is conserved", "4", broken.isEmpty(), broken.isEmpty()
				? "available + leased + reserved + sold = initial + adjustments for every sku" : broken.toString());
	}

	private static Check unknown(String name, String invariant, String why) {
		return new Check(name, invariant, Verdict.UNKNOWN, why);
	}

}
