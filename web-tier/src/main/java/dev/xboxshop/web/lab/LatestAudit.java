package dev.xboxshop.web.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import dev.xboxshop.web.gateway.GatewayClient;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The auditor's report, fetched in the background: an audit can take seconds under load,
 * longer than a page part may wait. At most one audit is asked for at a time; whoever
 * asks meanwhile gets that same answer, or the last one while it is late (soft state).
 */
@Component
class LatestAudit {

	private final GatewayClient gateway;

	private final ExecutorService executor;

	private final Duration maxAge;

	private volatile Snapshot latest;

	private CompletableFuture<Snapshot> fetching;

	LatestAudit(GatewayClient gateway, @Qualifier("partsExecutor") ExecutorService executor, LabProperties properties) {
		this.gateway = gateway;
		this.executor = executor;
		this.maxAge = properties.auditMaxAge();
	}

	/**
	 * A report no older than {@code shop.web.lab.audit-max-age}: the last one if it is
	 * young enough, else the one being fetched (a new fetch unless one is under way).
	 */
	synchronized CompletableFuture<Snapshot> fresh() {
		Snapshot last = this.latest;
		if (last != null && last.age().compareTo(this.maxAge) < 0) {
			return CompletableFuture.completedFuture(last);
		}
		if (this.fetching == null || this.fetching.isDone()) {
			this.fetching = CompletableFuture
				.supplyAsync(() -> new Snapshot(this.gateway.audit(), Instant.now()), this.executor)
				.whenComplete((snapshot, failure) -> {
					if (snapshot != null) {
						this.latest = snapshot;
					}
				});
		}
		return this.fetching;
	}

	/** The last report that arrived, or null. */
	Snapshot latest() {
		return this.latest;
	}

	/**
	 * @param audit the report as order-service sent it
	 * @param fetchedAt when it arrived
	 */
	record Snapshot(Map<String, Object> audit, Instant fetchedAt) {

		Duration age() {
			return Duration.between(this.fetchedAt, Instant.now());
		}

	}

}
