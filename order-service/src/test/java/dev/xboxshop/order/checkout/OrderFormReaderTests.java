package dev.xboxshop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.xboxshop.order.InvalidQuantity;
import dev.xboxshop.order.MalformedRequest;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderFormReaderTests {

	private final OrderFormReader reader = new OrderFormReader(JsonMapper.builder().build(),
			new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("shop.order", OrderProperties.class));

	@Test
	void mergesLinesOfTheSameSku() {
		OrderForm form = read("{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":1},"
				+ "{\"sku\":\"B\",\"quantity\":2},{\"sku\":\"A\",\"quantity\":3}]}");

		assertThat(form.items()).containsExactly(new OrderLine("A", 4), new OrderLine("B", 2));
	}

	@Test
	void fingerprintIgnoresFormattingButNotContent() {
		OrderForm compact = read("{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":1}]}");
		OrderForm spaced = read("{ \"items\" : [ { \"quantity\" : 1, \"sku\" : \"A\" } ], \"customerId\" : \"c\" }");
		OrderForm other = read("{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":2}]}");

		assertThat(spaced.fingerprint()).isEqualTo(compact.fingerprint());
		assertThat(other.fingerprint()).isNotEqualTo(compact.fingerprint());
	}

	@Test
	void needsNoCustomerIdInTheBodyAndTheVerifiedOneDecidesTheFingerprint() {
		OrderForm asked = read("{\"items\":[{\"sku\":\"A\",\"quantity\":1}]}");
		OrderForm claimed = read("{\"customerId\":\"someone-else\",\"items\":[{\"sku\":\"A\",\"quantity\":1}]}");

		assertThat(asked.customerId()).isNull();
		assertThat(claimed.forCustomer("c").fingerprint()).isEqualTo(asked.forCustomer("c").fingerprint());
		assertThat(claimed.forCustomer("c").fingerprint()).isNotEqualTo(asked.forCustomer("d").fingerprint());
		assertThatExceptionOfType(MalformedRequest.class)
			.isThrownBy(() -> read("{\"customerId\":42,\"items\":[{\"sku\":\"A\",\"quantity\":1}]}"));
	}

	@Test
	void refusesFractionsAndQuotedNumbersAsMalformed() {
		assertThatExceptionOfType(MalformedRequest.class)
			.isThrownBy(() -> read("{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":1.5}]}"));
		assertThatExceptionOfType(MalformedRequest.class)
			.isThrownBy(() -> read("{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":\"1\"}]}"));
	}

	@Test
	void refusesANegativeLineEvenWhenMergingWouldHideIt() {
		assertThatExceptionOfType(InvalidQuantity.class).isThrownBy(() -> read(
				"{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":-1},{\"sku\":\"A\",\"quantity\":2}]}"));
	}

	@Test
	void refusesMergedLinesAboveTheMaximum() {
		assertThatExceptionOfType(InvalidQuantity.class).isThrownBy(() -> read(
				"{\"customerId\":\"c\",\"items\":[{\"sku\":\"A\",\"quantity\":6},{\"sku\":\"A\",\"quantity\":5}]}"));
	}

	private OrderForm read(String json) {
		return this.reader.read(json.getBytes(StandardCharsets.UTF_8));
	}

}
