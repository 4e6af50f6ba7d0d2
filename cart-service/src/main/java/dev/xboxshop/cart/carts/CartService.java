package dev.xboxshop.cart.carts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.xboxshop.cart.CartProperties;
import dev.xboxshop.cart.catalog.CatalogClient;
import dev.xboxshop.cart.catalog.CatalogProduct;
import dev.xboxshop.cart.catalog.UnknownProduct;

import org.springframework.stereotype.Service;

/**
 * Cart use cases. Everything a write depends on (the product, the quantity) is checked
 * before Redis is touched, so a refused request changes nothing.
 */
@Service
class CartService {

	private final CartRepository repository;

	private final CatalogClient catalog;

	private final CartProperties properties;

	CartService(CartRepository repository, CatalogClient catalog, CartProperties properties) {
		this.repository = repository;
		this.catalog = catalog;
		this.properties = properties;
	}

	Cart view(CartId id) {
		return price(id, new HashMap<>());
	}

	Cart setQuantity(CartId id, String sku, int quantity) {
		CatalogProduct product = this.catalog.product(sku);
		if (quantity < 1 || quantity > product.quantityLimit()) {
			throw new InvalidQuantity(sku, quantity, product.quantityLimit());
		}
		this.repository.setQuantity(id, sku, quantity, new StoredCart.Line(product.name(), product.priceCents()),
				this.properties.ttl());
		Map<String, CatalogProduct> known = new HashMap<>();
		known.put(sku, product);
		return price(id, known);
	}

	Cart removeItem(CartId id, String sku) {
		this.repository.removeItem(id, sku, this.properties.ttl());
		return view(id);
	}

	void delete(CartId id) {
		this.repository.delete(id);
	}

	/**
	 * The cart as stored: each line at the name and price it was added with, so the
	 * catalog is not asked and a cart renders while inventory is slow or down. Only a
	 * line stored before carts kept prices is priced from the catalog.
	 */
	private Cart price(CartId id, Map<String, CatalogProduct> known) {
		StoredCart stored = this.repository.find(id);
		List<CartItem> items = new ArrayList<>();
		stored.quantities().forEach((sku, quantity) -> {
			StoredCart.Line line = stored.lines().get(sku);
			if (line != null) {
				items.add(CartItem.of(sku, line.name(), line.unitPriceCents(), quantity));
				return;
			}
			CatalogProduct product = known.computeIfAbsent(sku, this::productOrNull);
			// a product withdrawn from the catalog cannot be priced or bought: leave it
			// out
			if (product != null) {
				items.add(CartItem.of(sku, product.name(), product.priceCents(), quantity));
			}
		});
		return Cart.of(id.value(), items, stored.expiresAt());
	}

	private CatalogProduct productOrNull(String sku) {
		try {
			return this.catalog.product(sku);
		}
		catch (UnknownProduct ex) {
			return null;
		}
	}

}
