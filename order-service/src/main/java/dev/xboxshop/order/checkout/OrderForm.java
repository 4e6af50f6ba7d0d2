package dev.xboxshop.order.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import dev.xboxshop.order.OrderLine;

/**
 * An order request that passed validation, with its lines merged by sku.
 *
 * @param customerId who orders
 * @param items one line per sku (priced once the catalog has seen them)
 */
record OrderForm(String customerId, List<OrderLine> items) {

	OrderForm withItems(List<OrderLine> items) {
		return new OrderForm(this.customerId, items);
	}

	/**
	 * The form of the customer the gateway verified: the body never chooses who orders.
	 */
	OrderForm forCustomer(String verifiedCustomerId) {
		return new OrderForm(verifiedCustomerId, this.items);
	}

	/**
	 * A digest of what was asked for, independent of JSON formatting: two requests with
	 * the same fingerprint are the same order. Prices are not part of it: they are never
	 * the client's, and a price change must not turn a retry into a different order.
	 * @return hex SHA-256
	 */
	String fingerprint() {
		String canonical = this.customerId + "\n"
				+ this.items.stream()
					.map((line) -> line.sku() + "=" + line.quantity())
					.collect(Collectors.joining(","));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
