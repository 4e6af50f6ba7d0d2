package dev.xboxshop.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GatewayApplicationTests {

	@LocalServerPort
	int port;

	@Test
	void reportsHealthUp() throws Exception {
		var client = java.net.http.HttpClient.newHttpClient();
		var response = client.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/actuator/health"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"UP\"");
	}

}
