package dev.xboxshop.web.gateway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code GET/PUT /api/admin/checkout-mode}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckoutMode(String mode) {

	public static final List<String> ALL = List.of("sync", "async", "escrow");

	public static boolean isKnown(String mode) {
		// List.of(...).contains(null) throws
		return mode != null && ALL.contains(mode);
	}

}
