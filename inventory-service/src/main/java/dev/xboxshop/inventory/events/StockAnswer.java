package dev.xboxshop.inventory.events;

/**
 * What inventory tells order-service about one order: the topic, the record key (the
 * order id) and the event.
 */
record StockAnswer(String topic, String orderId, Object event) {

}
