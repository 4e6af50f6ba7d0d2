package dev.xboxshop.gateway.identity;

import java.time.Instant;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import dev.xboxshop.websupport.identity.CustomerTokens;

/**
 * {@code POST /api/identity} (routed here, rate-limited per client address): a new
 * anonymous customer and its signed token. The storefront asks for one per new shopper
 * and keeps it in its cookie; an API client sends it as
 * {@code Authorization: Bearer <token>}.
 */
@RestController
class IdentityController {

	private final CustomerTokens tokens;

	IdentityController(CustomerTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/edge/identity")
	ResponseEntity<Identity> issue(ServerWebExchange exchange) {
		if (exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null) {
			// only through the identity route and its rate limit, never called by its own
			// path
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String customerId = CustomerTokens.newCustomerId();
		Identity identity = new Identity(customerId, this.tokens.issue(customerId), this.tokens.expiryOfNew());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(identity);
	}

	/**
	 * @param customerId the new customer's id
	 * @param token the signed token that proves it
	 * @param expiresAt when the token stops being accepted
	 */
	record Identity(String customerId, String token, Instant expiresAt) {
	}

}
