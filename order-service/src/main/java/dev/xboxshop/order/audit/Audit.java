package dev.xboxshop.order.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.xboxshop.order.inventory.StockLevel;

/**
 * The auditor's report: DESIGN.md section 5, checked against live data.
 *
 * @param verdict PASS when every check passed, FAIL when one failed, UNKNOWN when none
 * failed but some could not be made
 * @param checkedAt when
 * @param orders counts of orders
 * @param skus units per sku, beside inventory's figures
 * @param inventory whether inventory could be read
 * @param pendingReleases reservations waiting to be released
 * @param witness what the witness outside Redis (the ledger topic) knows and found
 * missing
 * @param checks every check with its figures
 * @param violations what failed, in words
 */
record Audit(Verdict verdict, Instant checkedAt, Orders orders, List<Sku> skus, Inventory inventory,
		long pendingReleases, OrderWitness.Findings witness, List<Check> checks, List<String> violations) {

	enum Verdict {

		PASS, FAIL, UNKNOWN

	}

	/**
	 * @param total every order
	 * @param byStatus orders per status
	 * @param byMode orders per mode and status
	 * @param acceptedPastDeadline ACCEPTED orders older than the deadline (plus grace)
	 * @param retired final orders removed after their retention, per status (not in the
	 * other figures)
	 */
	record Orders(long total, Map<String, Long> byStatus, Map<String, Map<String, Long>> byMode,
			long acceptedPastDeadline, Map<String, Long> retired) {

	}

	/**
	 * @param sku the product
	 * @param confirmedUnits units in CONFIRMED orders
	 * @param inFlightUnits units in ACCEPTED orders
	 * @param retiredConfirmedUnits units in CONFIRMED orders retired after their
	 * retention
	 * @param stock inventory's figures, null when unknown
	 */
	record Sku(String sku, long confirmedUnits, long inFlightUnits, long retiredConfirmedUnits, StockLevel stock) {

	}

	/**
	 * @param reachable whether {@code GET /api/stock} answered
	 * @param error why not
	 */
	record Inventory(boolean reachable, String error) {

	}

	/**
	 * @param name what is checked
	 * @param invariant the DESIGN.md section 5 invariant (or rule) it belongs to
	 * @param verdict its outcome
	 * @param detail the figures
	 */
	record Check(String name, String invariant, Verdict verdict, String detail) {

	}

}
