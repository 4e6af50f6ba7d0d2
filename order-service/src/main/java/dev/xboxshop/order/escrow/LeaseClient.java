package dev.xboxshop.order.escrow;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.xboxshop.order.inventory.InventoryGuard;
import dev.xboxshop.order.inventory.WarehouseUnavailable;

/**
 * Lease calls to inventory-service: grant (or renew, with 0 wanted) and give back,
 * through the {@code inventory} guard. A grant moves stock, so it is sent once; a
 * give-back (final {@code soldTotal}, repeating changes nothing) and the listing are
 * retried.
 */
class LeaseClient {

	private final RestClient http;

	private final InventoryGuard guard;

	private final JsonMapper json;

	LeaseClient(RestClient http, InventoryGuard guard, JsonMapper json) {
		this.http = http;
		this.guard = guard;
		this.json = json;
	}

	/**
	 * @throws WarehouseUnavailable when inventory does not answer, or answers an error
	 */
	LeaseAnswer grant(String sku, String replicaId, int wanted, long soldTotal) {
		String body = this.json.writeValueAsString(Map.of("wanted", wanted, "soldTotal", soldTotal));
		return this.guard.once(() -> call(() -> this.http.put()
			.uri("/api/leases/{sku}/{replica}", sku, replicaId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(LeaseAnswer.class)));
	}

	LeaseAnswer giveBack(String sku, String replicaId, long soldTotal) {
		return this.guard.idempotent(() -> call(() -> this.http.delete()
			.uri("/api/leases/{sku}/{replica}?soldTotal={sold}", sku, replicaId, soldTotal)
			.retrieve()
			.body(LeaseAnswer.class)));
	}

	List<LeaseAnswer> all() {
		return this.guard.idempotent(
				() -> call(() -> this.http.get().uri("/api/leases").retrieve().body(new ParameterizedTypeReference<>() {
				})));
	}

	private static <T> T call(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			throw new WarehouseUnavailable("Inventory did not answer a lease call; please try again.", false);
		}
	}

}
