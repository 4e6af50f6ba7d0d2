package dev.xboxshop.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;

import dev.xboxshop.gateway.EdgeClient.Reply;
import dev.xboxshop.testsupport.RealRedis;
import dev.xboxshop.websupport.identity.CustomerTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity at the edge, against a real Redis: the gateway issues customer tokens, passes
 * only the verified id on (with its proof), keys the order limit on it, and, since this
 * test's client (loopback) is not a trusted proxy here, ignores its
 * {@code X-Forwarded-For}. Placing orders: 5 per customer, then 1 a minute.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "shop.gateway.trusted-proxies=10.0.0.0/8",
		"shop.identity.secret=identity-test-secret", "shop.gateway.rate-limit.orders.replenish-rate=1",
		"shop.gateway.rate-limit.orders.burst-capacity=300", "shop.gateway.rate-limit.orders.requested-tokens=60",
		"shop.gateway.rate-limit.identities.replenish-rate=1", "shop.gateway.rate-limit.identities.burst-capacity=3" })
@RealRedis
class GatewayIdentityIntegrationTests {

	static final StubService backend = StubService.start("any");

	private final CustomerTokens tokens = new CustomerTokens("identity-test-secret");

	@Autowired
	org.springframework.data.redis.core.StringRedisTemplate redis;

	@LocalServerPort
	int port;

	EdgeClient edge;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		backend.serve(registry);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@BeforeEach
	void client() {
		this.edge = new EdgeClient(this.port);
		backend.reset();
		// every test starts with full buckets (this client is one address: loopback)
		this.redis.delete(this.redis.keys("request_rate_limiter.*"));
	}

	@Test
	void issuesASignedCustomerToken() {
		Reply reply = this.edge.send(this.edge.request("/api/identity").POST(BodyPublishers.noBody()));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.header("Cache-Control")).contains("no-store");
		String token = reply.json().path("token").asString();
		assertThat(this.tokens.verify(token)).contains(reply.json().path("customerId").asString());
		assertThat(reply.json().path("expiresAt").asString()).isNotBlank();
		assertThat(backend.received()).isEmpty();
	}

	@Test
	void neverIssuesATokenOutsideTheRateLimitedRoute() {
		Reply reply = this.edge.send(this.edge.request("/edge/identity").POST(BodyPublishers.noBody()));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesAnOrderWithoutACustomerToken() {
		Reply reply = placeOrder(null, "{\"customerId\":\"" + UUID.randomUUID() + "\"}");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.problemSlug()).isEqualTo("identity-required");
		assertThat(backend.received()).isEmpty();
	}

	@Test
	void refusesATokenWithABadSignature() {
		String token = token();
		String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		String otherSecret = new CustomerTokens("not-the-shops-secret").issue(CustomerTokens.newCustomerId());
		for (String bad : new String[] { forged, otherSecret, UUID.randomUUID() + ".1.x" }) {
			Reply reply = placeOrder(bad, "{}");
			assertThat(reply.status()).as(bad).isEqualTo(401);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.problemSlug()).isEqualTo("invalid-identity");
		}
		assertThat(backend.received()).isEmpty();
	}

	@Test
	void passesOnlyTheVerifiedCustomerWithAProofTheServicesCheck() {
		String token = token();
		String customer = CustomerTokens.customerIdOf(token);
		String forgedId = UUID.randomUUID().toString();
		Reply reply = this.edge
			.send(order(token, "{\"customerId\":\"" + forgedId + "\"}").header(CustomerTokens.CUSTOMER_HEADER, forgedId)
				.header(CustomerTokens.PROOF_HEADER, this.tokens.proof(forgedId)));
		assertThat(reply.status()).isEqualTo(200);
		StubService.Received received = backend.received().get(0);
		assertThat(received.customer()).isEqualTo(customer);
		assertThat(this.tokens.proves(customer, received.customerProof())).isTrue();
	}

	@Test
	void removesAnIdentityHeaderAClientSentWithoutAToken() {
		String forgedId = UUID.randomUUID().toString();
		Reply reply = this.edge.get("/api/products", CustomerTokens.CUSTOMER_HEADER, forgedId,
				CustomerTokens.PROOF_HEADER, "1." + "A".repeat(43));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(backend.received().get(0).customer()).isNull();
		assertThat(backend.received().get(0).customerProof()).isNull();
	}

	@Test
	void takesTheStorefrontCookieAndDropsOneThatFails() {
		String token = token();
		this.edge.get("/cart", "Cookie", "theme=dark; shop_customer=" + token);
		this.edge.get("/cart", "Cookie", "theme=dark; shop_customer=" + UUID.randomUUID() + ".1." + "A".repeat(43));
		assertThat(backend.received()).hasSize(2);
		assertThat(backend.received().get(0).customer()).isEqualTo(CustomerTokens.customerIdOf(token));
		assertThat(backend.received().get(1).customer()).isNull();
		assertThat(backend.received().get(1).cookie()).isEqualTo("theme=dark");
	}

	@Test
	void holdsAScriptedScalperToOneCustomersOrderLimit() {
		// one client, one token, and every trick in the body and headers: new customer
		// ids,
		// new forwarded addresses, forged identity headers
		String token = token();
		int placed = 0;
		int limited = 0;
		for (int i = 0; i < 20; i++) {
			String fake = UUID.randomUUID().toString();
			Reply reply = this.edge
				.send(order(token, "{\"customerId\":\"" + fake + "\"}").header("X-Forwarded-For", "203.0.113." + i)
					.header(CustomerTokens.CUSTOMER_HEADER, fake)
					.header(CustomerTokens.PROOF_HEADER, "1." + "A".repeat(43)));
			if (reply.status() == 200) {
				placed++;
			}
			else if (reply.status() == 429) {
				assertThat(reply.problemSlug()).isEqualTo("rate-limited");
				limited++;
			}
		}
		assertThat(placed).isEqualTo(5);
		assertThat(limited).isEqualTo(15);
		assertThat(backend.received()).hasSize(5)
			.allSatisfy((received) -> assertThat(received.customer()).isEqualTo(CustomerTokens.customerIdOf(token)));
	}

	@Test
	void ignoresXForwardedForFromAPeerThatIsNotATrustedProxy() {
		// identities: 3 per client address; loopback is not trusted here, so changing the
		// forwarded address does not buy a fourth
		for (int i = 0; i < 3; i++) {
			assertThat(identity("203.0.113." + i).status()).isEqualTo(201);
		}
		Reply fourth = identity("203.0.113.99");
		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.problemSlug()).isEqualTo("rate-limited");
		assertThat(this.redis.hasKey("request_rate_limiter.{identity.127.0.0.1}.tokens")).isTrue();
		assertThat(this.redis.keys("request_rate_limiter.{identity.203.0.113.*")).isEmpty();
	}

	private Reply identity(String forwardedFor) {
		return this.edge.send(this.edge.request("/api/identity")
			.header("X-Forwarded-For", forwardedFor)
			.POST(BodyPublishers.noBody()));
	}

	private String token() {
		Reply reply = identity("203.0.113.250");
		assertThat(reply.status()).isEqualTo(201);
		return reply.json().path("token").asString();
	}

	private Reply placeOrder(String token, String body) {
		return this.edge.send(order(token, body));
	}

	private HttpRequest.Builder order(String token, String body) {
		HttpRequest.Builder request = this.edge.request("/api/orders")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

}
