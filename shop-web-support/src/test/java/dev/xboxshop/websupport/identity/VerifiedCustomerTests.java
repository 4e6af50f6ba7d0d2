package dev.xboxshop.websupport.identity;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service accepts the customer header only with the gateway's proof.
 */
class VerifiedCustomerTests {

	private static final String CUSTOMER = "0b9d6c1e-4a52-4f7e-9f5e-2d6f3c1a7b80";

	private final CustomerTokens tokens = new CustomerTokens("s3cret");

	private final VerifiedCustomer filter = new VerifiedCustomer(this.tokens, JsonMapper.builder().build());

	@Test
	void passesTheCustomerTheGatewayProved() throws Exception {
		MockHttpServletRequest request = request(CUSTOMER, this.tokens.proof(CUSTOMER));
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(VerifiedCustomer.of(request)).contains(CUSTOMER);
	}

	@Test
	void refusesAForgedCustomerHeader() throws Exception {
		assertRefused(request(CUSTOMER, null));
		assertRefused(request(CUSTOMER, "1700000000." + "A".repeat(43)));
		assertRefused(request(CUSTOMER, new CustomerTokens("another").proof(CUSTOMER)));
		assertRefused(request("1b9d6c1e-4a52-4f7e-9f5e-2d6f3c1a7b80", this.tokens.proof(CUSTOMER)));
		assertRefused(request(null, this.tokens.proof(CUSTOMER)));
	}

	@Test
	void passesARequestWithoutACustomer() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/products");
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(VerifiedCustomer.of(request)).isEmpty();
	}

	private void assertRefused(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("/problems/invalid-identity");
		assertThat(VerifiedCustomer.of(request)).isEmpty();
	}

	private static MockHttpServletRequest request(String customer, String proof) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
		if (customer != null) {
			request.addHeader(CustomerTokens.CUSTOMER_HEADER, customer);
		}
		if (proof != null) {
			request.addHeader(CustomerTokens.PROOF_HEADER, proof);
		}
		return request;
	}

}
