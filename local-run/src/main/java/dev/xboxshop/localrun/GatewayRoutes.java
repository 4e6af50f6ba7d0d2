package dev.xboxshop.localrun;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the gateway sends each service's traffic. With replicas, inventory and order
 * traffic is balanced on the client side over static instances (no registry).
 */
final class GatewayRoutes {

	/**
	 * A local shop trusts loopback's {@code X-Forwarded-For}: its web tier and the load
	 * generators run there and name the client they stand for (see README, "Customer
	 * identity"). Anything on this machine is inside the perimeter.
	 */
	static final String TRUSTED_PROXIES = "127.0.0.0/8,::1/128";

	private GatewayRoutes() {
	}

	static List<String> arguments(ShopOptions options) {
		ShopPorts ports = options.ports();
		String local = "http://127.0.0.1:";
		List<String> arguments = new ArrayList<>(List.of("--shop.gateway.web-tier-url=" + local + ports.webTier(),
				"--shop.gateway.cart-url=" + local + ports.cart(),
				"--shop.gateway.trusted-proxies=" + TRUSTED_PROXIES));
		if (options.replicas()) {
			arguments.add("--shop.gateway.inventory-url=lb://inventory-service");
			arguments.add("--shop.gateway.order-url=lb://order-service");
			arguments.add(instance("inventory-service", 0, local + ports.inventory()));
			arguments.add(instance("inventory-service", 1, local + ports.inventoryReplica()));
			arguments.add(instance("order-service", 0, local + ports.order()));
			arguments.add(instance("order-service", 1, local + ports.orderReplica()));
		}
		else {
			arguments.add("--shop.gateway.inventory-url=" + local + ports.inventory());
			arguments.add("--shop.gateway.order-url=" + local + ports.order());
		}
		return arguments;
	}

	private static String instance(String service, int index, String uri) {
		return "--spring.cloud.discovery.client.simple.instances." + service + "[" + index + "].uri=" + uri;
	}

}
