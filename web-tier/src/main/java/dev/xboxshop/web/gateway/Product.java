package dev.xboxshop.web.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The web-tier's copy of inventory-service's {@code Product}. Timestamps stay strings:
 * the storefront only shows them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(String sku, String name, String description, long priceCents, String imageUrl, int available,
		int maxPerOrder, String availableAsOf) {

	/**
	 * Where the browser finds the picture: our own SVGs, since the shop fetches nothing
	 * from outside.
	 */
	public String imagePath() {
		if (this.imageUrl != null && this.imageUrl.startsWith("/images/")) {
			return this.imageUrl;
		}
		return "XBOX-SERIES-X".equals(this.sku) ? "/images/xbox-series-x.svg" : "/images/product.svg";
	}

}
