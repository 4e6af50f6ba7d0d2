package dev.xboxshop.web.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The auditor's report laid out for the lab page. The report's shape belongs to
 * order-service, so this shows whatever it holds: the verdict up front, then one group
 * per top-level field, nested fields flattened to dotted names. A list of objects (the
 * checks, the skus) is a group of its own with a row per element, named by its
 * {@code name} or {@code sku}: the check's verdict and detail, or the sku's figures.
 *
 * @param verdict the verdict as text, or null when the report has none
 * @param healthy whether the verdict reads as all invariants holding
 * @param groups the rest of the report
 */
record AuditView(String verdict, boolean healthy, List<Group> groups) {

	private static final int MAX_DEPTH = 4;

	/** The fields that name an element of a list: a check's name, a sku. */
	private static final List<String> IDENTITIES = List.of("name", "sku");

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
				groups.add(new Group(key, rows, false));
			}
			else if (value instanceof List<?> list && !list.isEmpty()
					&& list.stream().allMatch(Map.class::isInstance)) {
				groups.add(new Group(key, elements(key, list), true));
			}
			else {
				plain.add(new Row(key, key, text(value)));
			}
		});
		if (!plain.isEmpty()) {
			groups.add(0, new Group("figures", plain, false));
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

	private static List<Row> elements(String path, List<?> list) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Map<?, ?> element = (Map<?, ?>) list.get(i);
			String name = IDENTITIES.stream()
				.map(element::get)
				.filter((id) -> id != null)
				.map(String::valueOf)
				.findFirst()
				.orElse(String.valueOf(i + 1));
			List<Row> fields = new ArrayList<>();
			flatten("", "", element, fields, 1);
			String summary = fields.stream()
				.filter((field) -> !field.value().equals(name))
				.map((field) -> field.label().equals("verdict") || field.label().equals("detail") ? field.value()
						: field.label() + " " + field.value())
				.collect(Collectors.joining(" · "));
			rows.add(new Row(path + "." + name, name, summary));
		}
		return rows;
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

	/**
	 * @param title the report's field
	 * @param rows its figures
	 * @param wide a row per element of a list, shown across the page
	 */
	record Group(String title, List<Row> rows, boolean wide) {

	}

	record Row(String key, String label, String value) {

	}

}
