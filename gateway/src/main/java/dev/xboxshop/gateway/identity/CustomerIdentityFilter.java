package dev.xboxshop.gateway.identity;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.xboxshop.gateway.problems.EdgeProblem;
import dev.xboxshop.websupport.identity.CustomerTokens;

/**
 * Who the customer is, decided here and nowhere else. The gateway removes any
 * {@code X-Shop-Customer} and proof a client sent, verifies the customer token
 * ({@code Authorization: Bearer <token>}, else the storefront's {@code shop_customer}
 * cookie), and passes the verified id on with a fresh proof the services check. A bearer
 * customer token that fails is refused ({@code 401 invalid-identity}); a cookie that
 * fails is dropped, so the storefront gives the shopper a new one.
 */
@Component
class CustomerIdentityFilter implements GlobalFilter, Ordered {

	/** The verified customer id, for the routes' filters and key resolvers. */
	static final String ATTRIBUTE = CustomerIdentityFilter.class.getName() + ".customer";

	private static final String BEARER = "Bearer ";

	static final String REFUSAL = "The customer token is not one this shop issued, or it has expired; "
			+ "get a new one with POST /api/identity.";

	private final CustomerTokens tokens;

	CustomerIdentityFilter(CustomerTokens tokens) {
		this.tokens = tokens;
	}

	/** The verified customer of the exchange, if any. */
	static Optional<String> customerOf(ServerWebExchange exchange) {
		return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
	}

	@Override
	public int getOrder() {
		// before every route filter (theirs count up from 1)
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String bearer = bearerToken(request);
		String cookie = cookieToken(request);
		String customerId = null;
		boolean dropCookie = false;
		if (bearer != null) {
			customerId = this.tokens.verify(bearer).orElse(null);
			if (customerId == null) {
				return Mono.error(new EdgeProblem("invalid-identity", REFUSAL));
			}
		}
		else if (cookie != null) {
			customerId = this.tokens.verify(cookie).orElse(null);
			dropCookie = (customerId == null);
		}
		String verified = customerId;
		boolean drop = dropCookie;
		ServerHttpRequest forwarded = request.mutate().headers((headers) -> {
			headers.remove(CustomerTokens.CUSTOMER_HEADER);
			headers.remove(CustomerTokens.PROOF_HEADER);
			if (verified != null) {
				headers.set(CustomerTokens.CUSTOMER_HEADER, verified);
				headers.set(CustomerTokens.PROOF_HEADER, this.tokens.proof(verified));
			}
			if (drop) {
				withoutCookie(headers);
			}
		}).build();
		ServerWebExchange passed = exchange.mutate().request(forwarded).build();
		if (verified != null) {
			passed.getAttributes().put(ATTRIBUTE, verified);
		}
		return chain.filter(passed);
	}

	/** A bearer value shaped like a customer token (the operator's token is not). */
	private static String bearerToken(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.startsWith(BEARER)) {
			return null;
		}
		String value = authorization.substring(BEARER.length()).trim();
		return (value.indexOf('.') >= 0) ? value : null;
	}

	private static String cookieToken(ServerHttpRequest request) {
		HttpCookie cookie = request.getCookies().getFirst(CustomerTokens.COOKIE);
		return (cookie != null) ? cookie.getValue() : null;
	}

	private static void withoutCookie(HttpHeaders headers) {
		List<String> kept = headers.getOrEmpty(HttpHeaders.COOKIE)
			.stream()
			.flatMap((header) -> List.of(header.split(";")).stream())
			.map(String::trim)
			.filter((pair) -> !pair.isEmpty() && !pair.startsWith(CustomerTokens.COOKIE + "="))
			.toList();
		headers.remove(HttpHeaders.COOKIE);
		if (!kept.isEmpty()) {
			headers.set(HttpHeaders.COOKIE, String.join("; ", kept));
		}
	}

}
