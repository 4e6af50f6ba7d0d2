package dev.xboxshop.cart.carts;

import java.time.Instant;
import java.util.SortedMap;

/**
 * What Redis holds for one cart: quantities by sku, and when the key expires (null when
 * there is no key).
 */
record StoredCart(SortedMap<String, Integer> quantities, Instant expiresAt) {

}
