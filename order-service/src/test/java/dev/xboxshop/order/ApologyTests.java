package dev.xboxshop.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-text reasons of cancelled and rejected orders map to a few fixed kinds.
 */
class ApologyTests {

	@Test
	void mapsEveryReasonToOneOfAFewKinds() {
		assertThat(Apology.kind(Apology.SOLD_OUT)).isEqualTo("sold_out");
		assertThat(Apology.kind("Sold out: there are not enough GAME-RARE left for this order.")).isEqualTo("sold_out");
		assertThat(Apology.kind(Apology.LATE)).isEqualTo("late");
		assertThat(Apology.kind("We could not reserve this order (unknown product); you will not be charged."))
			.isEqualTo("other");
		assertThat(Apology.kind(null)).isEqualTo("other");
	}

}
