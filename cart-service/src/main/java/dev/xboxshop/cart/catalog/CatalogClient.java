package dev.xboxshop.cart.catalog;

import java.net.http.HttpClient;
import java.util.regex.Pattern;

import dev.xboxshop.cart.CartProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads products from inventory-service's catalog, so names and prices in a cart never
 * come from the client. Every call is bounded by {@code shop.cart.catalog-timeout}.
 */
@Component
public class CatalogClient {

	/** Skus outside this shape cannot exist, so they are not worth a remote call. */
	private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final RestClient restClient;

	public CatalogClient(CartProperties properties) {
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.catalogTimeout()).build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.catalogTimeout());
		this.restClient = RestClient.builder()
			.baseUrl(properties.inventoryUrl().toString())
			.requestFactory(requestFactory)
			.build();
	}

	/**
	 * The product with this sku.
	 * @throws UnknownProduct when the catalog has no such product
	 * @throws CatalogUnavailable when the catalog cannot be asked
	 */
	public CatalogProduct product(String sku) {
		if (!SKU.matcher(sku).matches()) {
			throw new UnknownProduct(sku);
		}
		try {
			CatalogProduct product = this.restClient.get()
				.uri("/api/products/{sku}", sku)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(CatalogProduct.class);
			if (product == null || product.name() == null) {
				throw new CatalogUnavailable(sku, null);
			}
			return product;
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				throw new UnknownProduct(sku);
			}
			throw new CatalogUnavailable(sku, ex);
		}
		catch (RestClientException ex) {
			throw new CatalogUnavailable(sku, ex);
		}
	}

}
