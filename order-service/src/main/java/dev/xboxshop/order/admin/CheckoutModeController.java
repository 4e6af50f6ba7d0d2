package dev.xboxshop.order.admin;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.xboxshop.order.CheckoutMode;
import dev.xboxshop.order.MalformedRequest;
import dev.xboxshop.order.checkout.LiveCheckoutMode;

/**
 * The live checkout-mode switch, for operators.
 */
@RestController
class CheckoutModeController {

	private final LiveCheckoutMode liveMode;

	private final JsonMapper json;

	CheckoutModeController(LiveCheckoutMode liveMode, JsonMapper json) {
		this.liveMode = liveMode;
		this.json = json;
	}

	@GetMapping("/api/admin/checkout-mode")
	ModeSetting mode() {
		return new ModeSetting(this.liveMode.current(), this.liveMode.defaultMode());
	}

	@PutMapping(path = "/api/admin/checkout-mode", consumes = MediaType.APPLICATION_JSON_VALUE)
	ModeSetting switchMode(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = ModeRequest.class))) @RequestBody byte[] body) {
		return new ModeSetting(this.liveMode.switchTo(requestedMode(body)), this.liveMode.defaultMode());
	}

	private CheckoutMode requestedMode(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			root = null;
		}
		JsonNode mode = (root != null && root.isObject()) ? root.get("mode") : null;
		if (mode == null || !mode.isString()) {
			throw new MalformedRequest("The body must be {\"mode\": \"sync\" | \"async\" | \"escrow\"}.");
		}
		return CheckoutMode.parse(mode.asString())
			.orElseThrow(() -> new MalformedRequest(
					"Unknown checkout mode '" + mode.asString() + "'; use sync, async or escrow."));
	}

	/**
	 * @param mode the mode in force
	 * @param defaultMode the configured mode the service starts with
	 */
	record ModeSetting(CheckoutMode mode, CheckoutMode defaultMode) {

	}

	/** The body, for the OpenAPI description only. */
	record ModeRequest(CheckoutMode mode) {

	}

}
