package dev.xboxshop.order.escrow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import dev.xboxshop.order.ThrottledReading;

/**
 * {@code shop.escrow.quota.units}: this replica's escrow leases as order-service books
 * them, summed over the skus it holds, by {@code state}: units {@code granted} to it,
 * {@code returned}, {@code sold} and {@code left} to sell. Read from Redis at most once a
 * second however often it is scraped; the tags are bounded (no sku, no replica id:
 * Prometheus labels the scraped instance itself).
 */
@Component
class EscrowQuotaGauges implements MeterBinder {

	static final Duration REFRESH = Duration.ofSeconds(1);

	private static final List<String> STATES = List.of("granted", "returned", "sold", "left");

	private final EscrowQuotas quotas;

	private final ReplicaId replica;

	private final ThrottledReading reading;

	EscrowQuotaGauges(EscrowQuotas quotas, ReplicaId replica, Clock clock) {
		this.quotas = quotas;
		this.replica = replica;
		this.reading = new ThrottledReading(REFRESH, clock, this::read);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (int i = 0; i < STATES.size(); i++) {
			int state = i;
			Gauge.builder("shop.escrow.quota.units", this, (gauges) -> gauges.reading.value(state))
				.description("Units of this replica's escrow leases, by state")
				.tag("state", STATES.get(i))
				.register(registry);
		}
	}

	private long[] read() {
		long[] units = new long[STATES.size()];
		String id = this.replica.value();
		for (String sku : this.quotas.skus(id)) {
			for (EscrowQuotas.Quota quota : this.quotas.quotas(sku)) {
				if (quota.replicaId().equals(id)) {
					units[0] += quota.granted();
					units[1] += quota.returned();
					units[2] += quota.sold();
					units[3] += quota.left();
				}
			}
		}
		return units;
	}

}
