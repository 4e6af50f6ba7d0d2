package dev.xboxshop.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses paths with dot segments or encoded slashes. Routes forward the path as
 * received, and a service would normalise {@code /api/products/../../actuator/env} into
 * its own actuator, which must never be reachable through the edge.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SuspiciousPathFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (PathContainer.Element element : exchange.getRequest().getPath().elements()) {
			if (element instanceof PathContainer.PathSegment segment && suspicious(segment)) {
				return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"Paths with '.' or '..' segments or encoded slashes are not served."));
			}
		}
		return chain.filter(exchange);
	}

	private static boolean suspicious(PathContainer.PathSegment segment) {
		String decoded = segment.valueToMatch();
		return decoded.equals(".") || decoded.equals("..") || decoded.contains("/") || decoded.contains("\\")
				|| segment.value().contains(";");
	}

}
