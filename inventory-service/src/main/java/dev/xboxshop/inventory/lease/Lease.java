package dev.xboxshop.inventory.lease;

import java.time.Instant;

/**
 * One replica's lease of a sku as it stands. Counters are cumulative over the lease's
 * life, so the holder can compute its quota ({@code granted - returned - what it sold})
 * without ever counting a unit twice, also after a restart.
 *
 * @param sku the sku
 * @param replicaId the holder
 * @param status GRANTED, RETURNED, or NOT_FOUND
 * @param granted units moved into the lease, in all
 * @param settled units whose sales arrived (now reserved)
 * @param returned units given back to available, in all
 * @param held units the lease holds now ({@code granted - settled - returned})
 * @param expiresAt when it expires, or null when it is closed
 * @param available the sku's available units after this call
 * @param moved units granted or returned by this call
 */
public record Lease(String sku, String replicaId, String status, long granted, long settled, long returned, long held,
		Instant expiresAt, long available, long moved) {

	static Lease of(String sku, String replicaId, java.util.List<?> answer) {
		long granted = number(answer, 1);
		long settled = number(answer, 2);
		long returned = number(answer, 3);
		long expiresAt = number(answer, 4);
		return new Lease(sku, replicaId, (String) answer.get(0), granted, settled, returned,
				granted - settled - returned, (expiresAt > 0) ? Instant.ofEpochMilli(expiresAt) : null,
				number(answer, 5), number(answer, 6));
	}

	private static long number(java.util.List<?> answer, int index) {
		return Long.parseLong(answer.get(index).toString());
	}

}
