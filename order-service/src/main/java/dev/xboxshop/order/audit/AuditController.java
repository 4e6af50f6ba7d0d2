package dev.xboxshop.order.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit}: the invariant auditor's verdict.
 */
@RestController
class AuditController {

	private final Auditor auditor;

	AuditController(Auditor auditor) {
		this.auditor = auditor;
	}

	@GetMapping("/api/audit")
	Audit audit() {
		return this.auditor.audit();
	}

}
