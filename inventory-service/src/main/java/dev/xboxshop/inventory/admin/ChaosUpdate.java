package dev.xboxshop.inventory.admin;

import dev.xboxshop.inventory.warehouse.Chaos;
import dev.xboxshop.inventory.web.MalformedRequest;

/**
 * A change to the chaos settings; a field left out keeps its current value.
 */
record ChaosUpdate(Long extraLatencyMs, Double errorRate, Boolean down) {

	static final long MAX_EXTRA_LATENCY_MS = 60_000;

	ChaosUpdate {
		if (extraLatencyMs != null && (extraLatencyMs < 0 || extraLatencyMs > MAX_EXTRA_LATENCY_MS)) {
			throw new MalformedRequest("extraLatencyMs must be between 0 and " + MAX_EXTRA_LATENCY_MS);
		}
		if (errorRate != null && !(errorRate >= 0 && errorRate <= 1)) {
			throw new MalformedRequest("errorRate must be between 0 and 1");
		}
	}

	Chaos applyTo(Chaos current) {
		return new Chaos((this.extraLatencyMs != null) ? this.extraLatencyMs : current.extraLatencyMs(),
				(this.errorRate != null) ? this.errorRate : current.errorRate(),
				(this.down != null) ? this.down : current.down());
	}

}
