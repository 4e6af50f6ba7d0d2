package dev.xboxshop.localrun.badinput;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curated half of the bad-input suite: every case of {@code bad-input/cases.txt}
 * against the suite's own shop, through the gateway and/or at the service, judged by the
 * {@link Oracle} and by the answer the case expects; afterwards the shop's state must be
 * as the suite found it.
 */
class BadInputSystemIntegrationTests {

	private static final Oracle oracle = new Oracle();

	private static List<CuratedCase> cases;

	private static BadInputShop shop;

	@BeforeAll
	static void startShop() {
		shop = BadInputShop.get();
	}

	static List<CuratedCase> cases() {
		cases = CuratedCase.load("bad-input/cases.txt");
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersBadInputWithinTheContract(CuratedCase badInput) {
		for (String target : badInput.targets()) {
			RawHttp.Request request = badInput.request(shop);
			RawHttp.Answer answer = RawHttp.send(shop.port(target), request);
			oracle.check(target, request, answer);
			Expectation.parse(badInput.expected()).check(target, request, answer);
		}
	}

	@AfterAll
	static void changedNothing() {
		System.out.println("[bad-input] curated: " + cases.size() + " cases, " + oracle.requests()
				+ " requests, statuses seen: " + oracle.statusesSeen());
		ShopState after = ShopState.read(shop);
		BadInputShop.finished();
		assertThat(after).isEqualTo(shop.before());
	}

}
