package dev.xboxshop.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client a rate-limit bucket belongs to: the first hop of {@code X-Forwarded-For}
 * (the original client behind a load balancer), else the connection's remote address.
 * Only run the gateway behind a proxy that sets or cleans that header: a client that can
 * set it freely can pick its own bucket.
 */
@Component("clientKeyResolver")
class ClientKeyResolver implements KeyResolver {

	/** An IPv4 or IPv6 literal; anything else in the header is ignored. */
	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return Mono.just(clientOf(exchange.getRequest()));
	}

	static String clientOf(ServerHttpRequest request) {
		String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
		if (forwarded != null) {
			String firstHop = forwarded.split(",", 2)[0].trim();
			if (ADDRESS.matcher(firstHop).matches()) {
				return firstHop;
			}
		}
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote != null && remote.getAddress() != null) {
			return remote.getAddress().getHostAddress();
		}
		return "unknown";
	}

}
