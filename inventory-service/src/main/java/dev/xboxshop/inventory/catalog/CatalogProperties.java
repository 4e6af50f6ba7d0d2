package dev.xboxshop.inventory.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param launchStock units of the launch item ({@code XBOX-SERIES-X}) seeded on first
 * start
 * @param seedCatalog whether to seed the launch catalog when it is absent
 */
@ConfigurationProperties("shop.inventory")
record CatalogProperties(@DefaultValue("1000") long launchStock, @DefaultValue("true") boolean seedCatalog) {

}
