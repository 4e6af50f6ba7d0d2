package dev.xboxshop.order.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apology a shopper reads when inventory rejects an async order.
 */
class StockEventsListenerTests {

	private static final String SOLD_OUT = "Sold out after your order was accepted; you will not be charged.";

	@Test
	void apologisesForSoldOutOnlyWhenItWasSoldOut() {
		assertThat(StockEventsListener.apology("sold out")).isEqualTo(SOLD_OUT);
		assertThat(StockEventsListener.apology("Sold Out")).isEqualTo(SOLD_OUT);
		assertThat(StockEventsListener.apology(" SOLD-OUT ")).isEqualTo(SOLD_OUT);
	}

	@Test
	void apologisesForTimeWhenTheOrderReachedInventoryAfterItsDeadline() {
		assertThat(StockEventsListener.apology("deadline passed"))
			.isEqualTo("We could not confirm stock in time; you will not be charged.");
	}

	@Test
	void namesAnyOtherReason() {
		assertThat(StockEventsListener.apology("unknown product"))
			.isEqualTo("We could not reserve this order (unknown product); you will not be charged.");
		assertThat(StockEventsListener.apology("invalid quantity"))
			.isEqualTo("We could not reserve this order (invalid quantity); you will not be charged.");
	}

	@Test
	void apologisesWithoutAReasonWhenInventoryGaveNone() {
		assertThat(StockEventsListener.apology(null))
			.isEqualTo("We could not reserve this order; you will not be charged.");
		assertThat(StockEventsListener.apology("  "))
			.isEqualTo("We could not reserve this order; you will not be charged.");
	}

}
