package dev.xboxshop.web.lab;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.xboxshop.web.Notice;
import dev.xboxshop.web.WebTierProperties;
import dev.xboxshop.web.gateway.Backlog;
import dev.xboxshop.web.gateway.EscrowLease;
import dev.xboxshop.web.gateway.Chaos;
import dev.xboxshop.web.gateway.CheckoutMode;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.parts.Part;
import dev.xboxshop.web.parts.PartRunner;
import dev.xboxshop.web.parts.ProductStock;
import dev.xboxshop.web.parts.ServerTiming;
import dev.xboxshop.web.parts.StorefrontParts;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The presenter's lab: switch the checkout mode, break the warehouse, restock, run a
 * launch rush, reset the demo, and watch the auditor's figures (the charts' figures come
 * from {@link LabLiveController}). Only the operator gets here (see the security
 * package).
 */
@Controller
@RequestMapping("/lab")
class LabController {

	static final int MAX_LATENCY_MS = 60_000;

	static final int MAX_STOCK = 1_000_000;

	private final StorefrontParts parts;

	private final PartRunner runner;

	private final GatewayClient gateway;

	private final LatestAudit latestAudit;

	private final LaunchRush rush;

	private final DemoReset demoReset;

	private final LabProperties lab;

	private final String sku;

	LabController(StorefrontParts parts, PartRunner runner, GatewayClient gateway, LatestAudit latestAudit,
			LaunchRush rush, DemoReset demoReset, LabProperties lab, WebTierProperties properties) {
		this.lab = lab;
		this.parts = parts;
		this.runner = runner;
		this.gateway = gateway;
		this.latestAudit = latestAudit;
		this.rush = rush;
		this.demoReset = demoReset;
		this.sku = properties.launchSku();
	}

	@GetMapping
	String lab(Model model, HttpServletResponse response) {
		long start = System.nanoTime();
		CompletableFuture<Part<String>> mode = this.parts.checkoutMode();
		CompletableFuture<Part<Chaos>> chaos = this.runner.start("chaos", this.gateway::chaos);
		CompletableFuture<Part<ProductStock>> product = this.parts.product(this.sku);
		CompletableFuture<Part<AuditView>> audit = audit();
		CompletableFuture<Part<Backlog>> backlog = backlog();
		CompletableFuture<Part<List<EscrowLease>>> leases = this.runner.start("leases", this.gateway::escrowLeases);
		ServerTiming timing = ServerTiming.await(start, List.of(mode, chaos, product, audit, backlog, leases));
		response.setHeader(ServerTiming.HEADER, timing.header());
		model.addAttribute("modes", CheckoutMode.ALL);
		model.addAttribute("mode", mode.join());
		model.addAttribute("chaos", chaos.join());
		model.addAttribute("product", product.join());
		model.addAttribute("audit", audit.join());
		model.addAttribute("backlog", backlog.join());
		model.addAttribute("leases", leases.join());
		model.addAttribute("timing", timing);
		model.addAttribute("sku", this.sku);
		model.addAttribute("chaosOn", DemoReset.isOn(chaos.join().value()));
		model.addAttribute("rush", this.rush.state());
		model.addAttribute("lab", this.lab);
		return "lab";
	}

	/** The live figures alone, re-fetched by the lab page every couple of seconds. */
	@GetMapping("/figures")
	String figures(Model model, HttpServletResponse response) {
		long start = System.nanoTime();
		CompletableFuture<Part<String>> mode = this.parts.checkoutMode();
		CompletableFuture<Part<ProductStock>> product = this.parts.product(this.sku);
		CompletableFuture<Part<AuditView>> audit = audit();
		CompletableFuture<Part<Backlog>> backlog = backlog();
		CompletableFuture<Part<List<EscrowLease>>> leases = this.runner.start("leases", this.gateway::escrowLeases);
		ServerTiming timing = ServerTiming.await(start, List.of(mode, product, audit, backlog, leases));
		response.setHeader(ServerTiming.HEADER, timing.header());
		model.addAttribute("mode", mode.join());
		model.addAttribute("product", product.join());
		model.addAttribute("audit", audit.join());
		model.addAttribute("backlog", backlog.join());
		model.addAttribute("leases", leases.join());
		return "fragments/figures :: figures";
	}

	@PostMapping("/mode")
	String switchMode(@RequestParam(name = "mode", required = false) String mode) {
		if (!CheckoutMode.isKnown(mode)) {
			return redirect(Notice.INVALID_INPUT);
		}
		return change(Notice.MODE_SWITCHED, () -> this.gateway.switchCheckoutMode(mode));
	}

	@PostMapping("/chaos")
	String setChaos(@RequestParam(name = "extraLatencyMs", defaultValue = "0") String extraLatencyMs,
			@RequestParam(name = "errorRate", defaultValue = "0") String errorRate,
			@RequestParam(name = "down", required = false) String down) {
		long latency = LabInput.wholeNumber(extraLatencyMs, MAX_LATENCY_MS);
		double rate = LabInput.fraction(errorRate);
		if (latency < 0 || rate < 0) {
			return redirect(Notice.INVALID_INPUT);
		}
		Chaos chaos = new Chaos(latency, rate, LabInput.checked(down));
		return change(Notice.CHAOS_SET, () -> this.gateway.setChaos(chaos));
	}

	@PostMapping("/stock")
	String restock(@RequestParam(name = "available", required = false) String available) {
		long units = LabInput.wholeNumber(available, MAX_STOCK);
		if (units < 0) {
			return redirect(Notice.INVALID_INPUT);
		}
		return change(Notice.STOCK_SET, () -> this.gateway.setStock(this.sku, (int) units));
	}

	/** Starts a launch rush in the live checkout mode (one at a time). */
	@PostMapping("/rush")
	String launchRush() {
		if (this.rush.isRunning()) {
			return redirect(Notice.RUSH_RUNNING);
		}
		String mode;
		try {
			mode = this.gateway.checkoutMode();
		}
		catch (RuntimeException unreachable) {
			return redirect(Notice.LAB_FAILED);
		}
		if (!CheckoutMode.isKnown(mode)) {
			return redirect(Notice.LAB_FAILED);
		}
		return redirect(this.rush.start(mode) ? Notice.RUSH_STARTED : Notice.RUSH_RUNNING);
	}

	@PostMapping("/reset")
	String resetDemo() {
		if (this.rush.isRunning()) {
			return redirect(Notice.RUSH_RUNNING);
		}
		try {
			return redirect(this.demoReset.reset() ? Notice.DEMO_RESET : Notice.DEMO_RESET_UNDRAINED);
		}
		catch (RuntimeException refusedOrUnreachable) {
			return redirect(Notice.LAB_FAILED);
		}
	}

	/**
	 * The audit within the part budget, or the last one that arrived while a new one is
	 * late (it arrives in the background).
	 */
	private CompletableFuture<Part<AuditView>> audit() {
		return this.runner.start("audit", () -> AuditView.of(this.latestAudit.fresh().join().audit()), (late) -> {
			LatestAudit.Snapshot last = this.latestAudit.latest();
			return (last != null) ? AuditView.of(last.audit()) : null;
		});
	}

	private CompletableFuture<Part<Backlog>> backlog() {
		return this.runner.start("backlog", this.gateway::backlog);
	}

	private static String change(Notice done, Runnable call) {
		try {
			call.run();
			return redirect(done);
		}
		catch (RuntimeException refusedOrUnreachable) {
			return redirect(Notice.LAB_FAILED);
		}
	}

	private static String redirect(Notice notice) {
		return "redirect:/lab?notice=" + notice.code();
	}

}
