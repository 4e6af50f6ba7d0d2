package dev.xboxshop.order.inventory;

/**
 * Inventory is healthy but full (its bulkhead turned the reservation away before touching
 * stock). Not a failure: the circuit breaker ignores it, so a busy moment never blocks
 * checkout for buyers who would hear "sold out" or get a unit right after.
 */
public class WarehouseBusy extends WarehouseUnavailable {

	public WarehouseBusy() {
		super("warehouse-busy", "Warehouse busy",
				"The warehouse is handling as many reservations as it can; please try again shortly.");
	}

}
