package dev.xboxshop.web.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lab's charts take from the auditor's report: orders by status and by mode, the
 * apologies, and the revenue (confirmed units at catalog prices). The report's shape
 * belongs to order-service ({@code Audit} in docs/contracts.md); a figure it does not
 * hold is left empty rather than guessed.
 *
 * @param verdict the verdict as text, null when the report has none
 * @param healthy whether every invariant held
 * @param byStatus orders per status
 * @param byMode orders per mode and status
 * @param apologies orders cancelled after they were accepted (each got the apology)
 * @param confirmedUnits units in confirmed orders, every sku
 * @param revenueCents confirmed units times their catalog price, null while no catalog
 * prices are known
 * @param unpricedSkus skus with confirmed units but no catalog price (left out of the
 * revenue)
 * @param ageMs how old the report is
 */
record AuditFigures(String verdict, boolean healthy, Map<String, Long> byStatus, Map<String, Map<String, Long>> byMode,
		long apologies, long confirmedUnits, Long revenueCents, List<String> unpricedSkus, long ageMs) {

	/**
	 * @param pricesBySku catalog prices, null when unknown (then so is the revenue)
	 */
	static AuditFigures of(Map<String, Object> audit, Map<String, Long> pricesBySku, long ageMs) {
		Map<String, Long> prices = (pricesBySku != null) ? pricesBySku : Map.of();
		AuditView view = AuditView.of(audit);
		Map<String, Object> orders = map(audit.get("orders"));
		Map<String, Long> byStatus = counts(orders.get("byStatus"));
		Map<String, Map<String, Long>> byMode = new LinkedHashMap<>();
		map(orders.get("byMode")).forEach((mode, statuses) -> byMode.put(mode, counts(statuses)));
		long units = 0;
		long revenue = 0;
		List<String> unpriced = new java.util.ArrayList<>();
		for (Object line : (audit.get("skus") instanceof List<?> skus) ? skus : List.of()) {
			Map<String, Object> sku = map(line);
			long confirmed = number(sku.get("confirmedUnits"));
			Long price = prices.get(String.valueOf(sku.get("sku")));
			units += confirmed;
			if (price != null) {
				revenue += confirmed * price;
			}
			else if (confirmed > 0) {
				unpriced.add(String.valueOf(sku.get("sku")));
			}
		}
		return new AuditFigures(view.verdict(), view.healthy(), byStatus, byMode,
				byStatus.getOrDefault("CANCELLED", 0L), units, (pricesBySku != null) ? revenue : null, unpriced, ageMs);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	private static Map<String, Long> counts(Object value) {
		Map<String, Long> counts = new LinkedHashMap<>();
		map(value).forEach((key, count) -> counts.put(key, number(count)));
		return counts;
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
