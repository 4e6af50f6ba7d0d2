package dev.xboxshop.inventory.admin;

import dev.xboxshop.inventory.web.MalformedRequest;

record StockUpdate(Long available) {

	StockUpdate {
		if (available == null || available < 0) {
			throw new MalformedRequest("available must be a whole number of units, zero or more");
		}
	}

}
