package dev.xboxshop.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKeyResolverTests {

	private static final InetSocketAddress REMOTE = new InetSocketAddress("192.0.2.10", 50000);

	@Test
	void usesTheFirstHopOfXForwardedFor() {
		var request = MockServerHttpRequest.get("/")
			.remoteAddress(REMOTE)
			.header("X-Forwarded-For", "203.0.113.5, 10.0.0.1, 10.0.0.2");
		assertThat(ClientKeyResolver.clientOf(request.build())).isEqualTo("203.0.113.5");
	}

	@Test
	void acceptsAnIpv6FirstHop() {
		var request = MockServerHttpRequest.get("/").remoteAddress(REMOTE).header("X-Forwarded-For", "2001:db8::7");
		assertThat(ClientKeyResolver.clientOf(request.build())).isEqualTo("2001:db8::7");
	}

	@Test
	void fallsBackToTheRemoteAddressWithoutTheHeader() {
		assertThat(ClientKeyResolver.clientOf(MockServerHttpRequest.get("/").remoteAddress(REMOTE).build()))
			.isEqualTo("192.0.2.10");
	}

	@Test
	void ignoresAForwardedForThatIsNoAddress() {
		var request = MockServerHttpRequest.get("/")
			.remoteAddress(REMOTE)
			.header("X-Forwarded-For", "}.tokens\r\nevil, 10.0.0.1");
		assertThat(ClientKeyResolver.clientOf(request.build())).isEqualTo("192.0.2.10");
	}

}
