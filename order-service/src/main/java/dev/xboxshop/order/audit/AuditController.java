package dev.xboxshop.order.audit;

import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.xboxshop.order.Caller;
import dev.xboxshop.order.Order;
import dev.xboxshop.order.OrderProperties;
import dev.xboxshop.order.OrderRepository;

/**
 * {@code GET /api/audit}: the invariant auditor's verdict. The operator sees every id in
 * it; anyone else sees only its own ({@link AuditRedaction}).
 */
@RestController
class AuditController {

	private final Auditor auditor;

	private final Caller caller;

	private final OrderRepository orders;

	private final OrderProperties properties;

	AuditController(Auditor auditor, Caller caller, OrderRepository orders, OrderProperties properties) {
		this.auditor = auditor;
		this.caller = caller;
		this.orders = orders;
		this.properties = properties;
	}

	@GetMapping("/api/audit")
	Audit audit(HttpServletRequest request) {
		Audit audit = this.auditor.audit();
		if (this.caller.isOperator(request)) {
			return audit;
		}
		return AuditRedaction.redact(audit, own(this.caller.customerOrNull(request)));
	}

	private Set<String> own(String customer) {
		Set<String> own = new HashSet<>();
		if (customer != null) {
			own.add(customer);
			this.orders.recent(customer, this.properties.recentOrders()).stream().map(Order::orderId).forEach(own::add);
		}
		return own;
	}

}
