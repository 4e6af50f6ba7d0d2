package dev.xboxshop.order.catalog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.xboxshop.order.ProblemException;

/**
 * The order names a sku our copy of the catalog has never heard of, and there is no copy
 * of the whole catalog to tell "unknown" from "not read yet", because inventory has not
 * answered since this shop's order store was empty. Nothing is stored; a retry may
 * succeed once inventory answers.
 */
class CatalogUnavailable extends ProblemException {

	CatalogUnavailable(String sku) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "catalog-unavailable", "Catalog unavailable",
				"We cannot check '" + sku + "' against the catalog right now; please try again shortly.");
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "2");
		return headers;
	}

}
