package dev.xboxshop.order;

/**
 * One line of an order.
 *
 * @param sku the product
 * @param quantity units, at least one
 */
public record OrderLine(String sku, int quantity) {

}
