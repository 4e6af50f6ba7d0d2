package dev.xboxshop.localrun.badinput;

/**
 * Which service a path of the API belongs to (docs/contracts.md), for the cases sent to a
 * service directly.
 */
final class ApiOwners {

	private ApiOwners() {
	}

	static String serviceOf(String path) {
		if (path.startsWith("/api/carts")) {
			return "cart-service";
		}
		if (path.startsWith("/api/products") || path.startsWith("/api/stock") || path.startsWith("/api/reservations")
				|| path.startsWith("/api/leases") || path.startsWith("/api/admin/inventory")
				|| path.startsWith("/api/admin/chaos")) {
			return "inventory-service";
		}
		return "order-service";
	}

}
