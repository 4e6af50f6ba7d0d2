package dev.xboxshop.order.checkout;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.xboxshop.order.Caller;
import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.MalformedRequest;
import dev.xboxshop.order.catalog.Catalog;

/**
 * {@code POST /api/orders}: checkout in the mode the request names or the live mode.
 * Whatever the mode, the lines are checked and priced from the catalog first, so an
 * unknown sku or too many units is refused before anything is stored. The customer is the
 * one the gateway verified ({@code 401 identity-required} without one); a
 * {@code customerId} in the body is ignored.
 */
@RestController
class CheckoutController {

	private static final int MAX_KEY_LENGTH = 200;

	private final OrderFormReader reader;

	private final OrderPlacement placement;

	private final LiveCheckoutMode liveMode;

	private final Catalog catalog;

	private final Caller caller;

	CheckoutController(OrderFormReader reader, OrderPlacement placement, LiveCheckoutMode liveMode, Catalog catalog,
			Caller caller) {
		this.caller = caller;
		this.reader = reader;
		this.placement = placement;
		this.liveMode = liveMode;
		this.catalog = catalog;
	}

	@PostMapping(path = "/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> place(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestHeader(name = "X-Checkout-Mode", required = false) String modeHeader,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = OrderRequest.class))) @RequestBody byte[] body,
			HttpServletRequest request) {
		String customer = this.caller.customer(request);
		checkKey(key);
		CheckoutMode mode = mode(modeHeader);
		OrderForm asked = this.reader.read(body).forCustomer(customer);
		OrderForm form = asked.withItems(this.catalog.price(asked.items()));
		StoredResponse response = this.placement.place(key, mode, form);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.status())
			.contentType(MediaType.parseMediaType(response.contentType()));
		if (response.status() / 100 == 2) {
			answer.header(HttpHeaders.LOCATION, URI.create("/api/orders/" + response.orderId()).toString());
		}
		return answer.body(response.body());
	}

	private static void checkKey(String key) {
		if (key == null || key.isBlank()) {
			throw new MalformedRequest("The Idempotency-Key header is required.");
		}
		if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch((c) -> c > 32 && c < 127)) {
			throw new MalformedRequest(
					"The Idempotency-Key must be at most " + MAX_KEY_LENGTH + " printable ASCII characters.");
		}
	}

	private CheckoutMode mode(String header) {
		if (header == null) {
			return this.liveMode.current();
		}
		return CheckoutMode.parse(header)
			.orElseThrow(
					() -> new MalformedRequest("X-Checkout-Mode must be sync, async or escrow, not '" + header + "'."));
	}

	/**
	 * The body as {@link OrderFormReader} reads it, for the OpenAPI description only (the
	 * bytes are kept as sent, for the idempotency key's fingerprint).
	 */
	record OrderRequest(String customerId, List<Line> items) {

		record Line(String sku, int quantity) {

		}

	}

}
