package dev.xboxshop.cart.carts;

/**
 * Body of {@code PUT /api/carts/{cartId}/items/{sku}}.
 */
record QuantityChange(Integer quantity) {

}
