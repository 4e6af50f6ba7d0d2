package dev.xboxshop.gateway.edge;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.xboxshop.gateway.problems.Problems;
import dev.xboxshop.gateway.resilience.FallbackLog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Local answers that routes forward to: closed paths (the services' actuators, unknown
 * {@code /api} paths) and circuit-breaker fallbacks. Controllers win over routes, so a
 * forward here is never proxied again.
 */
@RestController
@RequestMapping("/edge")
class EdgeController {

	private final FallbackLog fallbackLog;

	private final JsonMapper json;

	EdgeController(FallbackLog fallbackLog, JsonMapper json) {
		this.fallbackLog = fallbackLog;
		this.json = json;
	}

	@RequestMapping("/not-found")
	Mono<Void> notFound(ServerWebExchange exchange) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "There is nothing at this address.", exchange);
	}

	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		this.fallbackLog.fellBack(service, exchange);
		// inventory is the warehouse of the design: its outage has a name clients know
		String slug = "inventory".equals(service) ? "warehouse-unavailable" : "service-unavailable";
		// every fallback is a refusal a client may repeat shortly (an open circuit waits,
		// a full bulkhead drains)
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		return problem(HttpStatus.SERVICE_UNAVAILABLE, slug,
				"The " + service
						+ " service is unavailable, failing or as busy as the gateway lets it be; try again shortly.",
				exchange);
	}

	private Mono<Void> problem(HttpStatus status, String slug, String detail, ServerWebExchange exchange) {
		return Problems.write(exchange, status, slug, detail, this.json);
	}

}
