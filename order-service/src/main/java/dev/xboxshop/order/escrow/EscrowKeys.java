package dev.xboxshop.order.escrow;

/**
 * order-service's Redis keys of escrow quotas (the escrow script builds the same names).
 */
final class EscrowKeys {

	private EscrowKeys() {
	}

	/**
	 * Hash of one replica's quota of a sku: granted returned sold expiresAt heartbeatAt.
	 */
	static String quota(String sku, String replicaId) {
		return "ord:escrow:quota:" + sku + ":" + replicaId;
	}

	/** Set of the replicas holding (or having held) a quota of the sku. */
	static String holders(String sku) {
		return "ord:escrow:holders:" + sku;
	}

	/** Set of the skus one replica holds quotas of. */
	static String skus(String replicaId) {
		return "ord:escrow:skus:" + replicaId;
	}

}
