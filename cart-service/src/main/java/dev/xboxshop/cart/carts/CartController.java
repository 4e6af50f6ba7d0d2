package dev.xboxshop.cart.carts;

import dev.xboxshop.cart.problems.MalformedRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart API: {@code /api/carts/{cartId}}.
 */
@RestController
@RequestMapping("/api/carts/{cartId}")
class CartController {

	private final CartService carts;

	CartController(CartService carts) {
		this.carts = carts;
	}

	@GetMapping
	Cart cart(@PathVariable String cartId) {
		return this.carts.view(new CartId(cartId));
	}

	@PutMapping(path = "/items/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
	Cart setQuantity(@PathVariable String cartId, @PathVariable String sku, @RequestBody QuantityChange change) {
		CartId id = new CartId(cartId);
		if (change == null || change.quantity() == null) {
			throw new MalformedRequest("The body must be {\"quantity\": <whole number>}.");
		}
		return this.carts.setQuantity(id, sku, change.quantity());
	}

	@DeleteMapping("/items/{sku}")
	Cart removeItem(@PathVariable String cartId, @PathVariable String sku) {
		return this.carts.removeItem(new CartId(cartId), sku);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String cartId) {
		this.carts.delete(new CartId(cartId));
	}

}
