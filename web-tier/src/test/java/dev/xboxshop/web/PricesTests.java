package dev.xboxshop.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PricesTests {

	private final Prices prices = new Prices();

	@Test
	void formatsCentsAsDollars() {
		assertThat(this.prices.format(49999)).isEqualTo("$499.99");
		assertThat(this.prices.format(5)).isEqualTo("$0.05");
		assertThat(this.prices.format(123456700)).isEqualTo("$1,234,567.00");
		assertThat(this.prices.format(-250)).isEqualTo("-$2.50");
	}

}
