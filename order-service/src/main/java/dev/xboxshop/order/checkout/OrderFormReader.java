package dev.xboxshop.order.checkout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.InvalidQuantity;
import dev.xboxshop.order.MalformedRequest;
import dev.xboxshop.order.OrderLine;
import dev.xboxshop.order.OrderProperties;

/**
 * Reads and validates {@code {customerId, items:[{sku, quantity}]}} strictly: a quantity
 * must be a JSON integer (1.5 or "2" is malformed, not rounded), and the contract's two
 * 400 problems are told apart.
 */
@Component
class OrderFormReader {

	private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private static final int MAX_CUSTOMER_ID = 100;

	private final JsonMapper json;

	private final OrderProperties properties;

	OrderFormReader(JsonMapper json, OrderProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	OrderForm read(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedRequest("The body is not valid JSON.");
		}
		if (root == null || !root.isObject()) {
			throw new MalformedRequest("The body must be a JSON object {customerId, items}.");
		}
		return new OrderForm(customerId(root.get("customerId")), items(root.get("items")));
	}

	/**
	 * A {@code customerId} in the body is still checked (garbage is a 400) but never
	 * chooses the customer: the controller replaces it with the verified one.
	 */
	private String customerId(JsonNode node) {
		if (node == null) {
			return null;
		}
		if (!node.isString() || node.asString().isBlank() || node.asString().length() > MAX_CUSTOMER_ID) {
			throw new MalformedRequest(
					"customerId must be a non-blank string of at most " + MAX_CUSTOMER_ID + " characters.");
		}
		return node.asString();
	}

	private List<OrderLine> items(JsonNode node) {
		if (node == null || !node.isArray() || node.isEmpty() || node.size() > this.properties.maxLines()) {
			throw new MalformedRequest(
					"items must be an array of 1 to " + this.properties.maxLines() + " {sku, quantity} objects.");
		}
		Map<String, Integer> merged = new LinkedHashMap<>();
		for (JsonNode item : node) {
			String sku = sku(item);
			merged.merge(sku, checked(sku, quantity(item)), Integer::sum);
		}
		List<OrderLine> lines = new ArrayList<>();
		merged.forEach((sku, quantity) -> lines.add(new OrderLine(sku, checked(sku, quantity))));
		return lines;
	}

	private String sku(JsonNode item) {
		JsonNode sku = item.isObject() ? item.get("sku") : null;
		if (sku == null || !sku.isString() || !SKU.matcher(sku.asString()).matches()) {
			throw new MalformedRequest("Each item needs a sku of letters, digits, '-' or '_'.");
		}
		return sku.asString();
	}

	private int quantity(JsonNode item) {
		JsonNode quantity = item.get("quantity");
		if (quantity == null || !quantity.isIntegralNumber()) {
			throw new MalformedRequest("Each item needs an integer quantity.");
		}
		if (!quantity.canConvertToInt()) {
			throw new InvalidQuantity("Quantity " + quantity + " is out of range.");
		}
		return quantity.intValue();
	}

	private int checked(String sku, int quantity) {
		int max = this.properties.maxQuantityPerLine();
		if (quantity < 1 || quantity > max) {
			throw new InvalidQuantity(
					"Quantity of " + sku + " must be between 1 and " + max + ", not " + quantity + ".");
		}
		return quantity;
	}

}
