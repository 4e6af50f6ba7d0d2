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
	void readsABrokenInvariantAsUnhealthy() {
		AuditView view = AuditView.of(Map.of("verdict", "OVERSOLD", "violations", List.of("oversold by 2")));

		assertThat(view.healthy()).isFalse();
		assertThat(view.groups().get(0).rows()).singleElement()
			.satisfies((row) -> assertThat(row.value()).isEqualTo("oversold by 2"));
	}

}
