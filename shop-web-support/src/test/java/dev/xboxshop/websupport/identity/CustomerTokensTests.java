package dev.xboxshop.websupport.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CustomerTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-01T16:00:00Z");

	private static final String CUSTOMER = "0b9d6c1e-4a52-4f7e-9f5e-2d6f3c1a7b80";

	private final CustomerTokens tokens = at(NOW, "secret-one");

	@Test
	void verifiesTheTokensItIssued() {
		String token = this.tokens.issue(CUSTOMER);
		assertThat(CustomerTokens.looksLikeToken(token)).isTrue();
		assertThat(this.tokens.verify(token)).contains(CUSTOMER);
		assertThat(CustomerTokens.customerIdOf(token)).isEqualTo(CUSTOMER);
	}

	@Test
	void refusesATokenWithABadSignature() {
		String token = this.tokens.issue(CUSTOMER);
		char last = token.charAt(token.length() - 1);
		String tampered = token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThat(this.tokens.verify(tampered)).isEmpty();
		assertThat(at(NOW, "another-secret").verify(token)).isEmpty();
	}

	@Test
	void refusesATokenNamingAnotherCustomerThanItWasSignedFor() {
		String token = this.tokens.issue(CUSTOMER);
		String other = "1b9d6c1e-4a52-4f7e-9f5e-2d6f3c1a7b80";
		assertThat(this.tokens.verify(other + token.substring(36))).isEmpty();
	}

	@Test
	void refusesAnExpiredTokenAndOneFromTheFuture() {
		String token = this.tokens.issue(CUSTOMER);
		assertThat(at(NOW.plus(CustomerTokens.TOKEN_LIFETIME).plusSeconds(1), "secret-one").verify(token)).isEmpty();
		assertThat(at(NOW.minus(Duration.ofMinutes(5)), "secret-one").verify(token)).isEmpty();
	}

	@Test
	void refusesMalformedTokens() {
		assertThat(this.tokens.verify(null)).isEmpty();
		assertThat(this.tokens.verify("")).isEmpty();
		assertThat(this.tokens.verify(CUSTOMER)).isEmpty();
		assertThat(this.tokens.verify(CUSTOMER + ".12.x")).isEmpty();
		assertThat(this.tokens.verify("x".repeat(5000))).isEmpty();
	}

	@Test
	void aProofIsNoTokenAndATokenIsNoProof() {
		String proof = this.tokens.proof(CUSTOMER);
		assertThat(this.tokens.proves(CUSTOMER, proof)).isTrue();
		assertThat(this.tokens.verify(CUSTOMER + "." + proof)).isEmpty();
		String token = this.tokens.issue(CUSTOMER);
		assertThat(this.tokens.proves(CUSTOMER, token.substring(37))).isFalse();
	}

	@Test
	void aProofHoldsForItsCustomerOnlyAndNotForLong() {
		String proof = this.tokens.proof(CUSTOMER);
		assertThat(this.tokens.proves("1b9d6c1e-4a52-4f7e-9f5e-2d6f3c1a7b80", proof)).isFalse();
		assertThat(this.tokens.proves(CUSTOMER, "123." + "A".repeat(43))).isFalse();
		assertThat(this.tokens.proves(CUSTOMER, null)).isFalse();
		assertThat(at(NOW.plus(CustomerTokens.PROOF_LIFETIME).plusSeconds(1), "secret-one").proves(CUSTOMER, proof))
			.isFalse();
	}

	@Test
	void refusesABlankSecret() {
		assertThatIllegalStateException().isThrownBy(() -> new CustomerTokens(" "));
	}

	private static CustomerTokens at(Instant now, String secret) {
		return new CustomerTokens(secret, Clock.fixed(now, ZoneOffset.UTC));
	}

}
