package dev.xboxshop.inventory.lease;

/**
 * The Redis keys of leases. They carry the sku's hash tag, so a lease script works in the
 * same slot as the sku's stock hash.
 */
final class LeaseKeys {

	private LeaseKeys() {
	}

	/** Hash of one replica's lease of a sku. */
	static String lease(String sku, String replicaId) {
		return prefix(sku) + replicaId;
	}

	/** What every lease key of the sku starts with. */
	static String prefix(String sku) {
		return "inv:{" + sku + "}:lease:";
	}

	/** Set of every replica that ever held a lease of the sku. */
	static String holders(String sku) {
		return "inv:{" + sku + "}:lease-holders";
	}

	/** Sorted set of the replicas holding a live lease of the sku, by expiry (millis). */
	static String leases(String sku) {
		return "inv:{" + sku + "}:leases";
	}

}
