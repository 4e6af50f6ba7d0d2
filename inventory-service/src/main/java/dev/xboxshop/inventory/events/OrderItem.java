package dev.xboxshop.inventory.events;

/**
 * One line of an order in the events: so many units of one sku.
 */
record OrderItem(String sku, Integer quantity) {

}
