package dev.xboxshop.localrun;

import java.util.ArrayList;
import java.util.List;

/**
 * What to start for one service instance: its module, port and the properties that wire
 * it to the others.
 */
record ServicePlan(String name, String module, int port, List<String> arguments) {

	static List<ServicePlan> of(ShopOptions options) {
		ShopPorts ports = options.ports();
		String local = "http://127.0.0.1:";
		List<ServicePlan> plans = new ArrayList<>();
		plans.add(plan(options, "inventory-service", "inventory-service", ports.inventory()));
		if (options.replicas()) {
			plans.add(plan(options, "inventory-service-2", "inventory-service", ports.inventoryReplica()));
		}
		plans.add(plan(options, "cart-service", "cart-service", ports.cart(),
				"--shop.cart.inventory-url=" + local + ports.inventory()));
		plans.add(plan(options, "order-service", "order-service", ports.order(),
				"--shop.order.inventory-url=" + local + ports.inventory()));
		if (options.replicas()) {
			plans.add(plan(options, "order-service-2", "order-service", ports.orderReplica(),
					"--shop.order.inventory-url=" + local + ports.inventoryReplica()));
		}
		plans.add(plan(options, "web-tier", "web-tier", ports.webTier(),
				"--shop.web.gateway-url=" + local + ports.gateway()));
		plans.add(plan(options, "gateway", "gateway", ports.gateway(), GatewayRoutes.arguments(options)));
		return plans;
	}

	private static ServicePlan plan(ShopOptions options, String name, String module, int port, String... own) {
		List<String> launcher = new ArrayList<>();
		launcher.add("--spring.data.redis.host=" + options.redisHost());
		launcher.add("--spring.data.redis.port=" + options.redisPort());
		launcher.add("--spring.kafka.bootstrap-servers=" + options.kafka());
		launcher.add("--shop.operator.token=" + options.operatorToken());
		launcher.add("--shop.identity.secret=" + options.identitySecret());
		launcher.add("--shop.checkout.mode=" + options.checkoutMode());
		// every span in the service's log, so ./shop trace follows a trace without a
		// collector; SHOP_SPAN_LOG=off leaves them out (a long load run)
		launcher.add("--shop.tracing.log-spans=" + !"off".equals(System.getenv("SHOP_SPAN_LOG")));
		launcher.addAll(List.of(own));
		List<String> extra = new ArrayList<>(options.extraArguments().getOrDefault("*", List.of()));
		extra.addAll(options.extraArguments().getOrDefault(name, List.of()));
		// an extra argument replaces the launcher's own of the same name (Spring would
		// join the two values with a comma)
		List<String> arguments = new ArrayList<>();
		for (String argument : launcher) {
			if (extra.stream().noneMatch((candidate) -> name(candidate).equals(name(argument)))) {
				arguments.add(argument);
			}
		}
		arguments.addAll(extra);
		return new ServicePlan(name, module, port, arguments);
	}

	private static String name(String argument) {
		int equals = argument.indexOf('=');
		return (equals < 0) ? argument : argument.substring(0, equals);
	}

	private static ServicePlan plan(ShopOptions options, String name, String module, int port, List<String> own) {
		return plan(options, name, module, port, own.toArray(String[]::new));
	}

}
