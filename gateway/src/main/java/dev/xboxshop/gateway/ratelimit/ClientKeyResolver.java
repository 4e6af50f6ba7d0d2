package dev.xboxshop.gateway.ratelimit;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client a rate-limit bucket belongs to: the connection's remote address, or, when
 * that peer is one of {@code shop.gateway.trusted-proxies}, the client its
 * {@code X-Forwarded-For} names ({@link TrustedProxies}). From anyone else the header
 * counts for nothing, so a client cannot pick its own bucket. The default resolver of the
 * rate limiter.
 */
@Component("clientKeyResolver")
@Primary
class ClientKeyResolver implements KeyResolver {

	private final TrustedProxies trusted;

	ClientKeyResolver(@Value("${shop.gateway.trusted-proxies:}") String trustedProxies) {
		this.trusted = TrustedProxies.of(trustedProxies);
	}

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return Mono.just(clientOf(exchange.getRequest()));
	}

	String clientOf(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return this.trusted.clientOf(remote.getAddress(), request.getHeaders().getFirst("X-Forwarded-For"));
	}

}
