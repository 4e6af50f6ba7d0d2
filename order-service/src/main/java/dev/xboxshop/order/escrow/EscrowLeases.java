package dev.xboxshop.order.escrow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Every replica's leases as both sides see them: inventory's books (granted, settled,
 * returned, held) next to order-service's quotas (sold, left). The lab shows them; the
 * auditor checks that no replica sold more than its lease kept for it, which is what a
 * unit confirmed twice would look like.
 */
@Component
public class EscrowLeases {

	private final LeaseClient inventory;

	private final EscrowQuotas quotas;

	EscrowLeases(LeaseClient inventory, EscrowQuotas quotas) {
		this.inventory = inventory;
		this.quotas = quotas;
	}

	/**
	 * @return the leases of every sku inventory knows
	 * @throws dev.xboxshop.order.inventory.WarehouseUnavailable when inventory does not
	 * answer
	 */
	public List<View> leases() {
		List<LeaseAnswer> books = this.inventory.all();
		List<View> views = new ArrayList<>();
		books.stream().map(LeaseAnswer::sku).distinct().forEach((sku) -> {
			Map<String, EscrowQuotas.Quota> quotas = this.quotas.quotas(sku)
				.stream()
				.collect(Collectors.toMap(EscrowQuotas.Quota::replicaId, Function.identity()));
			books.stream().filter((lease) -> lease.sku().equals(sku)).forEach((lease) -> {
				EscrowQuotas.Quota quota = quotas.get(lease.replicaId());
				long sold = (quota != null) ? quota.sold() : 0;
				views.add(new View(sku, lease.replicaId(), lease.granted(), lease.returned(), lease.settled(),
						lease.held(), sold, Math.max(0, lease.granted() - lease.returned() - sold), lease.expiresAt()));
			});
		});
		return views;
	}

	/**
	 * Replicas that sold more units than their lease kept for them (granted minus what
	 * inventory took back): those units may be sold twice.
	 * @param leases the leases as read
	 * @return one line per such lease, empty when there is none
	 */
	public static List<String> oversold(List<View> leases) {
		return leases.stream()
			.filter((lease) -> lease.sold() > lease.granted() - lease.returned())
			.map((lease) -> lease.sku() + " by " + lease.replicaId() + ": sold " + lease.sold() + ", leased "
					+ (lease.granted() - lease.returned()))
			.toList();
	}

	/**
	 * One replica's lease of one sku.
	 *
	 * @param sku the sku
	 * @param replicaId the holder
	 * @param granted units leased to it, in all
	 * @param returned units given back (by the holder, or at expiry), in all
	 * @param settled units whose sales inventory has recorded as reservations
	 * @param held units the lease holds at inventory now
	 * @param sold units the replica sold from it, in all (order-service's count)
	 * @param left units it can still sell
	 * @param expiresAt when it expires, null when given back or expired
	 */
	public record View(String sku, String replicaId, long granted, long returned, long settled, long held, long sold,
			long left, Instant expiresAt) {

	}

}
