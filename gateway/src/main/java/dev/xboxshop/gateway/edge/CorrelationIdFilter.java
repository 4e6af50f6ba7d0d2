package dev.xboxshop.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Correlation-Id}: the client's own when it is
 * well-formed, a new UUID otherwise. It goes downstream on the request and back to the
 * client on the response, whether a service or the gateway itself answers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

	public static final String HEADER = "X-Correlation-Id";

	public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

	/** The path as the client sent it, before any route forwards the request. */
	public static final String ORIGINAL_PATH_ATTRIBUTE = CorrelationIdFilter.class.getName() + ".path";

	/** Short and plain, so a client cannot inject log lines or headers through it. */
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (offered != null && WELL_FORMED.matcher(offered).matches()) ? offered : newId();
		ServerWebExchange tagged = exchange.mutate().request((request) -> request.header(HEADER, id)).build();
		tagged.getAttributes().put(ATTRIBUTE, id);
		tagged.getAttributes().put(ORIGINAL_PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
		// set just before commit, replacing any copy a service echoed, so there is
		// exactly one
		tagged.getResponse().beforeCommit(() -> {
			tagged.getResponse().getHeaders().set(HEADER, id);
			return Mono.empty();
		});
		return chain.filter(tagged);
	}

	/**
	 * A random (version 4) UUID. A correlation id must be unique, not unguessable, and
	 * {@code UUID.randomUUID()} takes the JVM's shared {@code SecureRandom} (a lock and a
	 * SHA-1 round) on every request.
	 */
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (random.nextLong() & ~(3L << 62)) | (1L << 63);
		return new UUID(mostSignificant, leastSignificant).toString();
	}

}
