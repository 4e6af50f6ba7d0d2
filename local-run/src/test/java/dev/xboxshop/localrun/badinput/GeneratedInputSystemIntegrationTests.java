package dev.xboxshop.localrun.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated half of the bad-input suite: 10,000 requests per run built by jqwik from
 * the OpenAPI descriptions inventory-service, cart-service and order-service publish,
 * each one breaking the description somewhere (see {@link BrokenRequests}), sent through
 * the gateway or to the service, and judged by the {@link Oracle}; afterwards the shop's
 * state must be as the suite found it. A failure names the request and jqwik's seed.
 */
class GeneratedInputSystemIntegrationTests {

	static final int REQUESTS = 10_000;

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

	private static final Oracle oracle = new Oracle();

	private static BadInputShop shop;

	private static List<ApiDescription.Operation> operations;

	@BeforeContainer
	static void readDescriptions() {
		shop = BadInputShop.get();
		operations = new ArrayList<>();
		for (String service : List.of("inventory-service", "cart-service", "order-service")) {
			operations.addAll(ApiDescription.read(shop, service));
		}
	}

	@Property(tries = REQUESTS)
	void answersGeneratedBadInputWithinTheContract(@ForAll("brokenRequests") BrokenRequests.Probe probe) {
		RawHttp.Answer answer = RawHttp.send(shop.port(probe.target()), probe.request());
		oracle.check(probe.target(), probe.request(), answer);
		// every generated write is broken somewhere: one that succeeds was taken as valid
		// (the audit and stock check at the end says whether it changed them)
		assertThat(WRITES.contains(probe.request().method()) && answer.status() / 100 == 2)
			.as("%s answered %d %s to %s", probe.target(), answer.status(), answer.text(), probe.request().describe())
			.isFalse();
	}

	@Provide
	Arbitrary<BrokenRequests.Probe> brokenRequests() {
		return BrokenRequests.from(operations);
	}

	@AfterContainer
	static void changedNothing() {
		System.out.println("[bad-input] generated: " + oracle.requests() + " requests over " + operations.size()
				+ " operations, statuses seen: " + oracle.statusesSeen());
		ShopState after = ShopState.read(shop);
		BadInputShop.finished();
		assertThat(after).isEqualTo(shop.before());
	}

}
