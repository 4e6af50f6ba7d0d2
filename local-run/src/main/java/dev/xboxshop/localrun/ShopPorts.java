package dev.xboxshop.localrun;

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

}
