package dev.xboxshop.web.lab;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.xboxshop.web.WebTierProperties;
import dev.xboxshop.web.gateway.Backlog;
import dev.xboxshop.web.gateway.Chaos;
import dev.xboxshop.web.gateway.GatewayClient;
import dev.xboxshop.web.gateway.Product;
import dev.xboxshop.web.parts.Part;
import dev.xboxshop.web.parts.PartRunner;
import dev.xboxshop.web.parts.StorefrontParts;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures the lab's charts draw, as JSON, asked for by the page every second: the
 * quick ones ({@code /lab/live}, each within the page-part budget) apart from the audit
 * ({@code /lab/audit}, fetched in the background, see {@link LatestAudit}).
 */
@RestController
@RequestMapping("/lab")
class LabLiveController {

	private final StorefrontParts parts;

	private final PartRunner runner;

	private final GatewayClient gateway;

	private final LaunchRush rush;

	private final CheckoutLatencies latencies;

	private final LatestAudit audit;

	private final LabProperties lab;

	private final String sku;

	LabLiveController(StorefrontParts parts, PartRunner runner, GatewayClient gateway, LaunchRush rush,
			CheckoutLatencies latencies, LatestAudit audit, LabProperties lab, WebTierProperties web) {
		this.parts = parts;
		this.runner = runner;
		this.gateway = gateway;
		this.rush = rush;
		this.latencies = latencies;
		this.audit = audit;
		this.lab = lab;
		this.sku = web.launchSku();
	}

	@GetMapping("/live")
	ResponseEntity<Live> live() {
		CompletableFuture<Part<String>> mode = this.parts.checkoutMode();
		CompletableFuture<Part<Chaos>> chaos = this.runner.start("chaos", this.gateway::chaos);
		CompletableFuture<Part<Product>> product = this.runner.start("product", () -> this.gateway.product(this.sku));
		CompletableFuture<Part<Backlog>> backlog = this.runner.start("backlog", this.gateway::backlog);
		CompletableFuture.allOf(mode, chaos, product, backlog).join();
		Product launch = product.join().value();
		Chaos now = chaos.join().value();
		Live live = new Live(Instant.now(), mode.join().value(), this.lab.defaultMode(), this.lab.demoStock(), now,
				DemoReset.isOn(now), (launch != null) ? launch.available() : null,
				(launch != null) ? launch.priceCents() : null, backlog.join().value(), this.rush.state(),
				this.latencies.figures());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(live);
	}

	@GetMapping("/audit")
	ResponseEntity<AuditFigures> audit() throws Exception {
		CompletableFuture<Part<Map<String, Long>>> prices = this.runner.start("prices", this::prices);
		LatestAudit.Snapshot snapshot;
		try {
			snapshot = this.audit.fresh().get(this.lab.auditMaxAge().toMillis() + 10_000, TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException unavailable) {
			snapshot = this.audit.latest();
		}
		if (snapshot == null) {
			return ResponseEntity.status(503).cacheControl(CacheControl.noStore()).build();
		}
		// no prices, no revenue (the chart leaves a gap): never a revenue of zero
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(AuditFigures.of(snapshot.audit(), prices.join().value(), snapshot.age().toMillis()));
	}

	private Map<String, Long> prices() {
		List<Product> products = this.gateway.products();
		return products.stream().collect(Collectors.toMap(Product::sku, Product::priceCents, (a, b) -> a));
	}

	/**
	 * One second of the lab.
	 *
	 * @param at when
	 * @param mode the live checkout mode, null when unknown
	 * @param defaultMode the mode "reset demo" goes back to
	 * @param demoStock the stock "reset demo" puts back
	 * @param chaos inventory's chaos, null when unknown
	 * @param chaosOn whether any chaos is on (the page's banner)
	 * @param available launch units left, null when unknown
	 * @param priceCents the launch item's price, null when unknown
	 * @param backlog async booking's backlog, null when unknown
	 * @param rush the running or last rush, null before the first
	 * @param latency the rush checkouts' latency per mode
	 */
	record Live(Instant at, String mode, String defaultMode, int demoStock, Chaos chaos, boolean chaosOn,
			Integer available, Long priceCents, Backlog backlog, LaunchRush.RushState rush,
			Map<String, CheckoutLatencies.Figures> latency) {

	}

}
