package dev.xboxshop.order;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTests {

	@Test
	void namesEveryReservationByTheOrderIdAndItsSkus() {
		Order order = new Order("o-1", "c-1", List.of(new OrderLine("XBOX-SERIES-X", 1), new OrderLine("GAME-A", 2)),
				OrderStatus.ACCEPTED, CheckoutMode.SYNC, null, Instant.EPOCH, Instant.EPOCH, 1, "k");

		assertThat(order.skus()).containsExactly("XBOX-SERIES-X", "GAME-A");
	}

	@Test
	void readsCheckoutModesInAnyCaseAndWritesThemInLowerCase() {
		assertThat(CheckoutMode.parse(" ASYNC ")).contains(CheckoutMode.ASYNC);
		assertThat(CheckoutMode.parse("eventually")).isEmpty();
		assertThat(CheckoutMode.ESCROW.value()).isEqualTo("escrow");
	}

}
