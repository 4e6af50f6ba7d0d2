package dev.xboxshop.inventory.lease;

import org.springframework.http.HttpStatus;

import dev.xboxshop.inventory.web.ProblemException;

/**
 * The replica never held a lease of the sku.
 */
class LeaseNotFound extends ProblemException {

	LeaseNotFound(String sku, String replicaId) {
		super(HttpStatus.NOT_FOUND, "not-found", "Replica " + replicaId + " holds no lease of " + sku);
	}

}
