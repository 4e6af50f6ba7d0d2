package dev.xboxshop.localrun.badinput;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What bad input must never change: the auditor's figures ({@code GET /api/audit} on
 * order-service: its orders and, per sku, the confirmed and in-flight units next to
 * inventory's stock level) and inventory's own stock ({@code GET /api/stock}). The
 * audit's time and verdict are left out: they are the reading, not the state.
 *
 * @param orders the audit's {@code orders}
 * @param skus the audit's {@code skus}
 * @param stock inventory's stock levels
 */
record ShopState(JsonNode orders, JsonNode skus, JsonNode stock) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ShopState read(BadInputShop shop) {
		JsonNode audit = get(shop.port("order-service"), "/api/audit");
		return new ShopState(audit.path("orders"), audit.path("skus"),
				get(shop.port("inventory-service"), "/api/stock"));
	}

	private static JsonNode get(int port, String path) {
		RawHttp.Answer answer = RawHttp.send(port,
				new RawHttp.Request("GET", path, List.of(Map.entry("Accept", "application/json")), null));
		if (answer.status() != 200) {
			throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.text());
		}
		return JSON.readTree(answer.body());
	}

}
