package dev.xboxshop.web.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The auditor's report laid out for the lab page. The report's shape belongs to
 * order-service, so this shows whatever it holds: the verdict up front, then one group
 * per top-level field, nested fields flattened to dotted names.
 *
 * @param verdict the verdict as text, or null when the report has none
 * @param healthy whether the verdict reads as all invariants holding
 * @param groups the rest of the report
 */
record AuditView(String verdict, boolean healthy, List<Group> groups) {

	private static final int MAX_DEPTH = 4;

	static AuditView of(Map<String, Object> audit) {
		Object verdict = audit.get("verdict");
		List<Group> groups = new ArrayList<>();
		List<Row> plain = new ArrayList<>();
		audit.forEach((key, value) -> {
			if ("verdict".equals(key)) {
				return;
			}
			if (value instanceof Map<?, ?> nested) {
				List<Row> rows = new ArrayList<>();
				flatten(key, "", nested, rows, 1);
				groups.add(new Group(key, rows));
			}
			else {
				plain.add(new Row(key, key, text(value)));
			}
		});
		if (!plain.isEmpty()) {
			groups.add(0, new Group("figures", plain));
		}
		String verdictText = (verdict != null) ? text(verdict) : null;
		return new AuditView(verdictText, isHealthy(verdict), groups);
	}

	private static void flatten(String path, String label, Map<?, ?> map, List<Row> rows, int depth) {
		map.forEach((key, value) -> {
			String childPath = path + "." + key;
			String childLabel = label.isEmpty() ? String.valueOf(key) : label + " / " + key;
			if (value instanceof Map<?, ?> nested && depth < MAX_DEPTH) {
				flatten(childPath, childLabel, nested, rows, depth + 1);
			}
			else {
				rows.add(new Row(childPath, childLabel, text(value)));
			}
		});
	}

	private static String text(Object value) {
		if (value instanceof List<?> list) {
			return list.isEmpty() ? "none" : String.join(", ", list.stream().map(AuditView::text).toList());
		}
		return String.valueOf(value);
	}

	/**
	 * "OK", "ok", true, or {ok: true} read as healthy; anything else as a broken
	 * invariant.
	 */
	private static boolean isHealthy(Object verdict) {
		if (verdict instanceof Boolean ok) {
			return ok;
		}
		if (verdict instanceof Map<?, ?> map) {
			return Boolean.TRUE.equals(map.get("ok")) || Boolean.TRUE.equals(map.get("healthy"));
		}
		String text = String.valueOf(verdict).trim().toUpperCase(java.util.Locale.ROOT);
		return text.equals("OK") || text.equals("PASS") || text.equals("HEALTHY") || text.startsWith("OK ")
				|| text.startsWith("OK:");
	}

	record Group(String title, List<Row> rows) {

	}

	record Row(String key, String label, String value) {

	}

}
