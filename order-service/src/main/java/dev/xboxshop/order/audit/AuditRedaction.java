package dev.xboxshop.order.audit;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit as anyone but the operator sees it: every id in its figures' words (order
 * ids, customer ids, keys: the shop's ids are UUIDs) is blanked, except the caller's own
 * customer id and the ids of the caller's own orders. Verdicts and counts stay.
 */
final class AuditRedaction {

	static final String REDACTED = "[redacted]";

	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private AuditRedaction() {
	}

	/**
	 * @param audit the full audit
	 * @param own the ids the caller may see (its customer id, its orders' ids)
	 * @return the audit with every other id blanked
	 */
	static Audit redact(Audit audit, Set<String> own) {
		List<Audit.Check> checks = audit.checks()
			.stream()
			.map((check) -> new Audit.Check(check.name(), check.invariant(), check.verdict(),
					redact(check.detail(), own)))
			.toList();
		List<String> violations = audit.violations().stream().map((text) -> redact(text, own)).toList();
		OrderWitness.Findings w = audit.witness();
		OrderWitness.Findings witness = new OrderWitness.Findings(w.topic(), w.read(), w.caughtUp(), w.witnessed(),
				w.owed(), w.missingCount(), w.missing().stream().map((id) -> redact(id, own)).toList(),
				w.rolledBackCount(), w.rolledBack().stream().map((text) -> redact(text, own)).toList());
		return new Audit(audit.verdict(), audit.checkedAt(), audit.orders(), audit.skus(), audit.inventory(),
				audit.pendingReleases(), witness, checks, violations);
	}

	static String redact(String text, Set<String> own) {
		if (text == null) {
			return null;
		}
		Matcher ids = ID.matcher(text);
		StringBuilder out = new StringBuilder();
		while (ids.find()) {
			ids.appendReplacement(out, own.contains(ids.group()) ? ids.group() : REDACTED);
		}
		ids.appendTail(out);
		return out.toString();
	}

}
