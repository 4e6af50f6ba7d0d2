package dev.xboxshop.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run a local shop.
 *
 * @param home the repository root, where each service's {@code target/*-exec.jar} lives
 * @param workDir where logs, the broker's data and the pid file go
 * @param ports the ports to use
 * @param replicas whether to run a second instance of inventory-service and order-service
 * @param operatorToken the operator token every service accepts
 * @param checkoutMode the default checkout mode
 * @param redisAddress {@code host:port} of a Redis server to use, or {@code null} to
 * start one
 * @param kafkaBootstrap a Kafka broker to use, or {@code null} to start one
 * @param jvmOptions options for every service JVM
 * @param extraArguments extra {@code --property=value} arguments by service name
 * ({@code "*"} for all)
 */
public record ShopOptions(Path home, Path workDir, ShopPorts ports, boolean replicas, String operatorToken,
		String checkoutMode, String redisAddress, String kafkaBootstrap, List<String> jvmOptions,
		Map<String, List<String>> extraArguments) {

	public static final String DEFAULT_OPERATOR_TOKEN = "xbox-launch-operator";

	/**
	 * The development secret that signs customer tokens, unless SHOP_IDENTITY_SECRET is
	 * set.
	 */
	public static final String DEFAULT_IDENTITY_SECRET = "xbox-launch-dev-identity-secret";

	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");

	/**
	 * The secret every service signs and checks customer identities with, set explicitly.
	 */
	public String identitySecret() {
		return System.getenv().getOrDefault("SHOP_IDENTITY_SECRET", DEFAULT_IDENTITY_SECRET);
	}

	public String redisHost() {
		return (this.redisAddress != null) ? this.redisAddress.substring(0, this.redisAddress.lastIndexOf(':'))
				: "127.0.0.1";
	}

	public int redisPort() {
		return (this.redisAddress != null)
				? Integer.parseInt(this.redisAddress.substring(this.redisAddress.lastIndexOf(':') + 1))
				: this.ports.redis();
	}

	public String kafka() {
		return (this.kafkaBootstrap != null) ? this.kafkaBootstrap : "127.0.0.1:" + this.ports.kafka();
	}

}
