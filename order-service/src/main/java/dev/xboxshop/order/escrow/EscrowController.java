package dev.xboxshop.order.escrow;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/escrow/leases}: every replica's leases, for the lab and the load test.
 */
@RestController
class EscrowController {

	private final EscrowLeases leases;

	EscrowController(EscrowLeases leases) {
		this.leases = leases;
	}

	@GetMapping("/api/escrow/leases")
	List<EscrowLeases.View> leases() {
		return this.leases.leases();
	}

}
