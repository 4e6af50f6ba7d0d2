package dev.xboxshop.order.catalog;

import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.inventory.InventoryGuard;
import dev.xboxshop.order.inventory.InventoryHttp;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	CatalogClient catalogClient(OrderProperties properties, InventoryGuard inventoryGuard, JsonMapper json,
			ObservationRegistry observations) {
		RestClient http = InventoryHttp.restClient(properties.inventoryUrl(), properties.catalog().timeout(),
				observations);
		return new CatalogClient(http, inventoryGuard, json);
	}

}
