package dev.xboxshop.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientKeyResolverTests {

	private static final InetSocketAddress PROXY = new InetSocketAddress("192.0.2.10", 50000);

	private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.9", 50000);

	private final ClientKeyResolver resolver = new ClientKeyResolver("192.0.2.0/24, 10.0.0.0/8, ::1/128");

	@Test
	void walksXForwardedForFromTheRightPastTrustedProxies() {
		var request = MockServerHttpRequest.get("/")
			.remoteAddress(PROXY)
			.header("X-Forwarded-For", "203.0.113.5, 10.0.0.1, 10.0.0.2");
		assertThat(this.resolver.clientOf(request.build())).isEqualTo("203.0.113.5");
	}

	@Test
	void takesTheFirstUntrustedHopFromTheRightNotWhatTheClientWroteBeforeIt() {
		var request = MockServerHttpRequest.get("/")
			.remoteAddress(PROXY)
			.header("X-Forwarded-For", "1.2.3.4, 203.0.113.5, 10.0.0.1");
		assertThat(this.resolver.clientOf(request.build())).isEqualTo("203.0.113.5");
	}

	@Test
	void ignoresXForwardedForFromAPeerItDoesNotTrust() {
		var request = MockServerHttpRequest.get("/").remoteAddress(STRANGER).header("X-Forwarded-For", "203.0.113.5");
		assertThat(this.resolver.clientOf(request.build())).isEqualTo("198.51.100.9");
	}

	@Test
	void trustsNobodyWhenNoProxyIsConfigured() {
		var request = MockServerHttpRequest.get("/").remoteAddress(PROXY).header("X-Forwarded-For", "203.0.113.5");
		assertThat(new ClientKeyResolver("").clientOf(request.build())).isEqualTo("192.0.2.10");
	}

	@Test
	void acceptsAnIpv6HopInOneSpelling() {
		var request = MockServerHttpRequest.get("/").remoteAddress(PROXY).header("X-Forwarded-For", "2001:db8::7");
		assertThat(this.resolver.clientOf(request.build())).isEqualTo("2001:db8:0:0:0:0:0:7");
	}

	@Test
	void fallsBackToTheRemoteAddressWithoutTheHeader() {
		assertThat(this.resolver.clientOf(MockServerHttpRequest.get("/").remoteAddress(PROXY).build()))
			.isEqualTo("192.0.2.10");
	}

	@Test
	void ignoresAForwardedForThatIsNoAddress() {
		var request = MockServerHttpRequest.get("/")
			.remoteAddress(PROXY)
			.header("X-Forwarded-For", "}.tokens\r\nevil, localhost");
		assertThat(this.resolver.clientOf(request.build())).isEqualTo("192.0.2.10");
	}

	@Test
	void refusesATrustedProxyThatIsNoCidr() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientKeyResolver("10.0.0.0/33"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientKeyResolver("proxy.example"));
	}

}
