package dev.xboxshop.inventory.catalog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockLevelTests {

	@Test
	void isConservedWhenEveryUnitIsAccountedFor() {
		assertThat(level(7, 2, 1, 10, 0).conserved()).isTrue();
		assertThat(level(9, 2, 1, 10, 2).conserved()).isTrue();
	}

	@Test
	void isNotConservedWhenUnitsAppearOrVanish() {
		assertThat(level(8, 2, 1, 10, 0).conserved()).isFalse();
		assertThat(level(6, 2, 1, 10, 0).conserved()).isFalse();
	}

	@Test
	void isNotConservedWhenAnythingIsNegative() {
		assertThat(level(-1, 11, 0, 10, 0).conserved()).isFalse();
	}

	private static StockLevel level(long available, long reserved, long sold, long initial, long adjustments) {
		return StockLevel.of("SKU",
				Map.of("available", String.valueOf(available), "reserved", String.valueOf(reserved), "sold",
						String.valueOf(sold), "initial", String.valueOf(initial), "adjustments",
						String.valueOf(adjustments)));
	}

}
