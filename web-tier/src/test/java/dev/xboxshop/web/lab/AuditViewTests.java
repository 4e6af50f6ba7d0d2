package dev.xboxshop.web.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTests {

	@Test
	void putsTheVerdictFirstAndFlattensNestedFigures() {
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("verdict", "OK");
		audit.put("oversold", 0);
		audit.put("ordersByStatusAndMode", Map.of("sync", Map.of("CONFIRMED", 3)));

		AuditView view = AuditView.of(audit);

		assertThat(view.verdict()).isEqualTo("OK");
		assertThat(view.healthy()).isTrue();
		assertThat(view.groups()).extracting(AuditView.Group::title)
			.containsExactly("figures", "ordersByStatusAndMode");
		assertThat(view.groups().get(1).rows()).singleElement().satisfies((row) -> {
			assertThat(row.key()).isEqualTo("ordersByStatusAndMode.sync.CONFIRMED");
			assertThat(row.label()).isEqualTo("sync / CONFIRMED");
			assertThat(row.value()).isEqualTo("3");
		});
	}

	@Test
	void showsEachCheckAndEachSkuOnARowOfItsOwn() {
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("name", "confirmed units never exceed stock");
		check.put("invariant", "3");
		check.put("verdict", "PASS");
		check.put("detail", "12 confirmed of 40");
		Map<String, Object> stock = new LinkedHashMap<>();
		stock.put("sku", "XBOX-SERIES-X");
		stock.put("available", 28);
		stock.put("conserved", true);
		Map<String, Object> sku = new LinkedHashMap<>();
		sku.put("sku", "XBOX-SERIES-X");
		sku.put("confirmedUnits", 12);
		sku.put("stock", stock);

		AuditView view = AuditView.of(Map.of("verdict", "PASS", "checks", List.of(check), "skus", List.of(sku)));

		assertThat(view.groups()).extracting(AuditView.Group::title).containsExactlyInAnyOrder("checks", "skus");
		AuditView.Group checks = view.groups().stream().filter((g) -> g.title().equals("checks")).findFirst().get();
		assertThat(checks.rows()).singleElement().satisfies((row) -> {
			assertThat(row.label()).isEqualTo("confirmed units never exceed stock");
			assertThat(row.value()).isEqualTo("invariant 3 · PASS · 12 confirmed of 40");
		});
		AuditView.Group skus = view.groups().stream().filter((g) -> g.title().equals("skus")).findFirst().get();
		assertThat(skus.rows()).singleElement().satisfies((row) -> {
			assertThat(row.label()).isEqualTo("XBOX-SERIES-X");
			assertThat(row.value()).isEqualTo("confirmedUnits 12 · stock / available 28 · stock / conserved true");
		});
	}

	@Test
	void readsABrokenInvariantAsUnhealthy() {
		AuditView view = AuditView.of(Map.of("verdict", "OVERSOLD", "violations", List.of("oversold by 2")));

		assertThat(view.healthy()).isFalse();
		assertThat(view.groups().get(0).rows()).singleElement()
			.satisfies((row) -> assertThat(row.value()).isEqualTo("oversold by 2"));
	}

}
