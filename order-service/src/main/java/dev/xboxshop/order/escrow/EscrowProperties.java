package dev.xboxshop.order.escrow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escrow checkout ({@code shop.order.escrow.*}): each replica sells from a lease of stock
 * it holds at inventory.
 *
 * @param replicaId this replica's name at inventory; empty: host name and server port,
 * which a restarted replica gets again (so it takes its own lease back, counted once)
 * @param heartbeat how often the replica renews its leases and reports what it sold; well
 * under inventory's lease time to live
 * @param margin the replica stops selling from a lease this long before it expires at
 * inventory
 * @param staleAfter another replica borrows from a quota only while its holder's last
 * heartbeat is younger than this (the holder reports those sales)
 * @param refillHorizon a refill asks for the units this long of recent sales would take
 * @param minBatch the fewest units a refill asks for
 * @param maxBatch the most units a refill asks for
 * @param timeout the longest wait for one lease call to inventory
 * @param patience how long a shopper who found the quotas dry keeps asking for more while
 * others take each refill first, before a 503 try-again
 * @param idleReturn a quota that sold nothing for this long is given back to inventory
 * (the units a sale that ended left in leases return to available)
 */
@ConfigurationProperties("shop.order.escrow")
public record EscrowProperties(@DefaultValue("") String replicaId, @DefaultValue("1s") Duration heartbeat,
		@DefaultValue("1s") Duration margin, @DefaultValue("2500ms") Duration staleAfter,
		@DefaultValue("2s") Duration refillHorizon, @DefaultValue("5") int minBatch, @DefaultValue("200") int maxBatch,
		@DefaultValue("2s") Duration timeout, @DefaultValue("5s") Duration patience,
		@DefaultValue("5s") Duration idleReturn) {

}
