package dev.xboxshop.gateway.edge;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import dev.xboxshop.gateway.problems.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A request that carries a body has it read ({@link Problems#drained}) before anything
 * the edge answers itself is written: an unknown route, a preflight, a closed path.
 * Without it the connection is closed with unread bytes and reset, and the client may
 * lose the answer. Errors are answered by {@code ProblemErrorHandler}, which drains the
 * same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadBodyFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getContentLength() <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				return Problems.drained(exchange).then(Mono.defer(() -> super.writeWith(body)));
			}

			@Override
			public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
				return Problems.drained(exchange).then(Mono.defer(() -> super.writeAndFlushWith(body)));
			}

			@Override
			public Mono<Void> setComplete() {
				return Problems.drained(exchange).then(Mono.defer(super::setComplete));
			}

		};
		return chain.filter(exchange.mutate().response(response).build());
	}

}
