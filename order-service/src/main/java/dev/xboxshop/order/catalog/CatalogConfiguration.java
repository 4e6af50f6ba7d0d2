package dev.xboxshop.order.catalog;

import java.net.http.HttpClient;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.xboxshop.order.OrderProperties;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	CatalogClient catalogClient(OrderProperties properties, JsonMapper json) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.catalog().timeout())
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
		requestFactory.setReadTimeout(properties.catalog().timeout());
		RestClient http = RestClient.builder()
			.baseUrl(properties.inventoryUrl())
			.requestFactory(requestFactory)
			.build();
		return new CatalogClient(http, json);
	}

}
