package dev.xboxshop.cart.catalog;

import dev.xboxshop.cart.problems.ShopProblem;

import org.springframework.http.HttpStatus;

/**
 * inventory-service's catalog did not answer in time, or answered with an error, so the
 * cart cannot be priced.
 */
public class CatalogUnavailable extends ShopProblem {

	CatalogUnavailable(String sku, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "warehouse-unavailable",
				"The product catalog is unavailable (looking up '" + sku + "'); try again shortly.", cause);
	}

}
