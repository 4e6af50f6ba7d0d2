package dev.xboxshop.order.backlog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/backlog}: how far booking is behind, for the operator and the lab.
 */
@RestController
class BacklogController {

	private final BookingBacklog backlog;

	BacklogController(BookingBacklog backlog) {
		this.backlog = backlog;
	}

	@GetMapping("/api/backlog")
	Backlog backlog() {
		return this.backlog.current();
	}

}
