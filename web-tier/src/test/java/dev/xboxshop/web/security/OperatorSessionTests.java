package dev.xboxshop.web.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseCookie;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorSessionTests {

	private static final Instant NOW = Instant.parse("2026-11-24T20:00:00Z");

	private final OperatorSession session = new OperatorSession("s3cret", false, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsOnlyTheOperatorToken() {
		assertThat(this.session.isOperatorToken("s3cret")).isTrue();
		assertThat(this.session.isOperatorToken("s3cret ")).isFalse();
		assertThat(this.session.isOperatorToken("")).isFalse();
		assertThat(this.session.isOperatorToken(null)).isFalse();
	}

	@Test
	void opensAnHttpOnlyLabCookieThatCarriesNoToken() {
		ResponseCookie cookie = this.session.open();

		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/lab");
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.getValue()).doesNotContain("s3cret");
		assertThat(this.session.isValid(cookie.getValue())).isTrue();
	}

	@Test
	void refusesTamperedExpiredOrForeignCookies() {
		String value = this.session.open().getValue();
		String expiry = value.substring(0, value.indexOf('.'));
		String signature = value.substring(value.indexOf('.') + 1);

		assertThat(this.session.isValid((Long.parseLong(expiry) + 3600) + "." + signature)).isFalse();
		assertThat(this.session.isValid("garbage")).isFalse();
		OperatorSession later = new OperatorSession("s3cret", false,
				Clock.fixed(NOW.plus(OperatorSession.LIFETIME).plusSeconds(1), ZoneOffset.UTC));
		assertThat(later.isValid(value)).isFalse();
		OperatorSession otherToken = new OperatorSession("rotated", false, Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(otherToken.isValid(value)).isFalse();
	}

}
