package dev.xboxshop.web.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xboxshop.web.WebTierProperties;

import org.springframework.stereotype.Component;

/**
 * The launch rush's checkouts: {@code POST /api/orders} to the shop's own gateway, each a
 * new buyer with its own customer token ({@code POST /api/identity}, as an API client
 * gets one), idempotency key and client address (so the gateway's per-client rate limits
 * count buyers, not the web tier), in the mode the rush runs in.
 */
@Component
class RushClient {

	static final String ADDRESS_HEADER = "X-Forwarded-For";

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,200})\"");

	private final HttpClient http;

	private final URI orders;

	private final URI identities;

	private final Duration timeout;

	RushClient(WebTierProperties web, LabProperties lab) {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(lab.rushRequestTimeout())
			.build();
		this.orders = URI.create(web.gatewayUrl() + "/api/orders");
		this.identities = URI.create(web.gatewayUrl() + "/api/identity");
		this.timeout = lab.rushRequestTimeout();
	}

	/**
	 * One buyer's checkout of one unit. Never fails: no answer in time is status 0.
	 */
	CompletableFuture<Answer> checkout(String customerId, String address, String sku, String mode) {
		HttpRequest identity = HttpRequest.newBuilder(this.identities)
			.timeout(this.timeout)
			.header(ADDRESS_HEADER, address)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		long asked = System.nanoTime();
		return this.http.sendAsync(identity, HttpResponse.BodyHandlers.ofString()).thenCompose((issued) -> {
			Matcher token = TOKEN.matcher(issued.body());
			if (issued.statusCode() != 201 || !token.find()) {
				return CompletableFuture.completedFuture(new Answer(issued.statusCode(), micros(asked)));
			}
			return order(token.group(1), customerId, address, sku, mode);
		}).exceptionally((failure) -> new Answer(0, micros(asked)));
	}

	/** The checkout itself, timed on its own (the identity is the buyer's arrival). */
	private CompletableFuture<Answer> order(String token, String customerId, String address, String sku, String mode) {
		String body = "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
		HttpRequest request = HttpRequest.newBuilder(this.orders)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("X-Checkout-Mode", mode)
			.header(ADDRESS_HEADER, address)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> new Answer((failure == null) ? response.statusCode() : 0, micros(start)));
	}

	private static long micros(long since) {
		return (System.nanoTime() - since) / 1_000;
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
