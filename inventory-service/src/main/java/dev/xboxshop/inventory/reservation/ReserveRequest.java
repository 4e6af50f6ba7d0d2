package dev.xboxshop.inventory.reservation;

import dev.xboxshop.inventory.web.MalformedRequest;

record ReserveRequest(String orderId, String sku, Integer quantity) {

	ReserveRequest {
		if (orderId == null || sku == null || quantity == null) {
			throw new MalformedRequest("orderId, sku and quantity are required");
		}
	}

}
