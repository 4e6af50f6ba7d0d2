package dev.xboxshop.gateway.operator;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.xboxshop.websupport.operator.OperatorToken;

/**
 * The gateway's own {@code /actuator/prometheus} and {@code /actuator/circuitbreakers}
 * are on the public port (its health checks are too), so they answer only a caller that
 * presents the operator token; anyone else gets the same 404 as every other closed
 * actuator path. The services' scrape endpoints are never routed (the
 * {@code closed-actuator} route).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ScrapeEndpointFilter implements WebFilter {

	static final String PATH = "/actuator/prometheus";

	/** The breakers' states and counts: the operator's too. */
	static final String BREAKERS = "/actuator/circuitbreakers";

	private final OperatorToken token;

	ScrapeEndpointFilter(OperatorToken token) {
		this.token = token;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = decodedPath(exchange);
		if ((path.startsWith(PATH) || path.startsWith(BREAKERS))
				&& !this.token.admits(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return chain.filter(exchange);
	}

	/**
	 * As the handler mappings match it: {@code /actuator/%70rometheus} is the same path.
	 */
	private static String decodedPath(ServerWebExchange exchange) {
		StringBuilder path = new StringBuilder();
		for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
			path.append(
					(element instanceof PathContainer.PathSegment segment) ? segment.valueToMatch() : element.value());
		}
		return path.toString();
	}

}
