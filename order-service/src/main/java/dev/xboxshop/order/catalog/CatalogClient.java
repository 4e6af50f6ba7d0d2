package dev.xboxshop.order.catalog;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.xboxshop.order.inventory.InventoryGuard;
import dev.xboxshop.order.inventory.WarehouseUnavailable;

/**
 * Reads inventory-service's catalog ({@code GET /api/products}). Background work for
 * {@link Catalog}: one bounded call through the {@code inventory} guard, retried (a
 * read).
 */
class CatalogClient {

	private static final TypeReference<List<CatalogProduct>> PRODUCTS = new TypeReference<>() {
	};

	private final RestClient http;

	private final InventoryGuard guard;

	private final JsonMapper json;

	CatalogClient(RestClient http, InventoryGuard guard, JsonMapper json) {
		this.http = http;
		this.guard = guard;
		this.json = json;
	}

	/**
	 * Every product inventory sells.
	 * @return the products, in inventory's display order
	 * @throws CatalogUnreadable when inventory does not answer in time, or answers with
	 * an error or something that is not a catalog
	 */
	List<CatalogProduct> products() {
		try {
			return this.guard.idempotent(this::list);
		}
		catch (WarehouseUnavailable ex) {
			throw new CatalogUnreadable(ex.getMessage());
		}
	}

	private List<CatalogProduct> list() {
		try {
			String body = this.http.get()
				.uri("/api/products")
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(String.class);
			List<CatalogProduct> products = this.json.readValue(body, PRODUCTS);
			if (products == null || products.isEmpty() || !products.stream().allMatch(CatalogProduct::isComplete)) {
				// an inventory whose store lost its catalog lists nothing: keep our copy
				throw new WarehouseUnavailable("inventory listed no usable catalog", false);
			}
			return products;
		}
		catch (RestClientException | JacksonException ex) {
			throw new WarehouseUnavailable(String.valueOf(ex.getMessage()), false);
		}
	}

	/** The catalog could not be read this time. */
	static class CatalogUnreadable extends RuntimeException {

		CatalogUnreadable(String message) {
			super(message);
		}

	}

}
