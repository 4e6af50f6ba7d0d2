package dev.xboxshop.order.checkout;

/**
 * A checkout response exactly as it was sent, so a retry gets the same status and body.
 *
 * @param status the HTTP status
 * @param contentType the media type
 * @param body the body text
 * @param orderId the order it is about
 */
record StoredResponse(int status, String contentType, String body, String orderId) {

}
