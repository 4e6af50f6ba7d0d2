package dev.xboxshop.localrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The part of the fault suite {@code ./mvnw verify} runs, on a shop of its own: the
 * outbox relay killed between publishing and acknowledging (nothing lost, nothing booked
 * twice), then Redis wiped, which the auditor's witness must report with the very orders
 * the buyers were promised and the store no longer holds. {@code ./shop faults} runs
 * every fault in every mode.
 */
class FaultSuiteSystemIntegrationTests {

	/** Far more than the relay takes to publish a ledger record under this load. */
	private static final Duration RELAY_DELAY = Duration.ofSeconds(1);

	@Test
	void keepsEveryPromiseThroughARelayCrashAndCatchesAWipedStore() {
		FaultSuite.Options options = new FaultSuite.Options(List.of("async"), List.of("relay-kill", "redis-wipe"), 5,
				Duration.ofSeconds(5), 40, Duration.ofSeconds(150));

		List<FaultSuite.Row> rows = FaultSuite.run(Path.of("..").toAbsolutePath().normalize(),
				Path.of("target", "fault-suite-verify").toAbsolutePath(), options, System.out::println);

		System.out.println(FaultSuite.table(rows));
		FaultSuite.Row relayKill = rows.get(0);
		assertThat(relayKill.acknowledged()).as(relayKill.line()).isPositive();
		assertThat(relayKill.lost()).as(relayKill.line()).isZero();
		assertThat(relayKill.notFinal()).as(relayKill.line()).isZero();
		assertThat(relayKill.oversold()).as(relayKill.line()).isZero();
		assertThat(relayKill.audit().verdict()).as(relayKill.line()).isEqualTo("PASS");

		FaultSuite.Row wipe = rows.get(1);
		assertThat(wipe.lost()).as(wipe.line()).isPositive();
		assertThat(wipe.audit().verdict()).as(wipe.line()).isEqualTo("FAIL");
		// the witness cannot name an order answered in the moment before the wipe whose
		// ledger record was still in the store's outbox (the relay publishes within
		// milliseconds: shop_outbox_relay_delay_seconds); it names every other
		assertThat(wipe.unwitnessed()).as(wipe.line())
			.allSatisfy((order) -> assertThat(order.answeredBeforeFaultMillis()).isLessThan(RELAY_DELAY.toMillis()));
		List<String> named = wipe.lostIds()
			.stream()
			.filter((id) -> wipe.unwitnessed().stream().noneMatch((order) -> order.orderId().equals(id)))
			.toList();
		assertThat(wipe.audit().missing()).as(wipe.line()).containsAll(named);
		// and every order acknowledged in the row before (and any the store took whose
		// answer a crash cut off)
		assertThat(wipe.audit().missingCount()).as(wipe.line())
			.isGreaterThanOrEqualTo(relayKill.acknowledged() + wipe.lost() - wipe.unwitnessed().size());
	}

}
