package dev.xboxshop.order.escrow;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The name this replica's leases go by at inventory:
 * {@code shop.order.escrow.replica-id}, else host name and server port. A replica
 * restarted with the same name resumes its own leases and quotas (cumulative counters),
 * so nothing is counted twice.
 */
@Component
class ReplicaId {

	private final String value;

	ReplicaId(EscrowProperties properties, Environment environment) {
		this.value = properties.replicaId().isBlank() ? host() + "-" + environment.getProperty("server.port", "8084")
				: properties.replicaId();
	}

	String value() {
		return this.value;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
