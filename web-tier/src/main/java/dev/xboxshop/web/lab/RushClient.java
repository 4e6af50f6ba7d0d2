package dev.xboxshop.web.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.xboxshop.web.WebTierProperties;

import org.springframework.stereotype.Component;

/**
 * The launch rush's checkouts: {@code POST /api/orders} to the shop's own gateway, each a
 * new buyer with its own idempotency key and its own client address (so the gateway's
 * per-client rate limit counts buyers, not the web tier), in the mode the rush runs in.
 */
@Component
class RushClient {

	static final String ADDRESS_HEADER = "X-Forwarded-For";

	private final HttpClient http;

	private final URI orders;

	private final Duration timeout;

	RushClient(WebTierProperties web, LabProperties lab) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(lab.rushRequestTimeout())
			.build();
		this.orders = URI.create(web.gatewayUrl() + "/api/orders");
		this.timeout = lab.rushRequestTimeout();
	}

	/**
	 * One buyer's checkout of one unit. Never fails: no answer in time is status 0.
	 */
	CompletableFuture<Answer> checkout(String customerId, String address, String sku, String mode) {
		String body = "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
		HttpRequest request = HttpRequest.newBuilder(this.orders)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("X-Checkout-Mode", mode)
			.header(ADDRESS_HEADER, address)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> new Answer((failure == null) ? response.statusCode() : 0,
					(System.nanoTime() - start) / 1_000));
	}

	/**
	 * @param status the HTTP status, 0 when there was no answer in time
	 * @param micros how long the buyer waited
	 */
	record Answer(int status, long micros) {

		String outcome() {
			return switch (this.status) {
				case 0 -> "no answer";
				case 201 -> "confirmed";
				case 202 -> "accepted";
				case 409 -> "sold out";
				case 422 -> "purchase limit";
				case 429 -> "rate limited";
				case 503 -> "busy";
				default -> "other " + this.status;
			};
		}

	}

}
