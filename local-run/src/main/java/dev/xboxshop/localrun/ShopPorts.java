package dev.xboxshop.localrun;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.xboxshop.testsupport.FreePorts;

/**
 * The ports of one local shop. The defaults are the design's; an offset moves all of
 * them, so two shops (or a shop and a test run) can share a machine.
 */
public record ShopPorts(int gateway, int webTier, int cart, int inventory, int order, int redis, int kafka,
		int kafkaController, int inventoryReplica, int orderReplica) {

	public static ShopPorts defaults() {
		return withOffset(0);
	}

	/**
	 * Free loopback ports for every part, as a test needs.
	 * @return ports nothing listens on now
	 */
	public static ShopPorts free() {
		return new ShopPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
				FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find());
	}

	public static ShopPorts withOffset(int offset) {
		return new ShopPorts(8080 + offset, 8081 + offset, 8082 + offset, 8083 + offset, 8084 + offset, 6379 + offset,
				9092 + offset, 9093 + offset, 8183 + offset, 8184 + offset);
	}

	/**
	 * The ports a shop with these options listens on, by what listens there.
	 * @param options what the shop starts
	 * @return port by name, in start order
	 */
	static Map<String, Integer> used(ShopOptions options) {
		ShopPorts ports = options.ports();
		Map<String, Integer> used = new LinkedHashMap<>();
		if (options.redisAddress() == null) {
			used.put("Redis", ports.redis());
		}
		if (options.kafkaBootstrap() == null) {
			used.put("Kafka", ports.kafka());
			used.put("Kafka controller", ports.kafkaController());
		}
		used.put("inventory-service", ports.inventory());
		used.put("cart-service", ports.cart());
		used.put("order-service", ports.order());
		used.put("web-tier", ports.webTier());
		used.put("gateway", ports.gateway());
		if (options.replicas()) {
			used.put("inventory-service-2", ports.inventoryReplica());
			used.put("order-service-2", ports.orderReplica());
		}
		return used;
	}

}
