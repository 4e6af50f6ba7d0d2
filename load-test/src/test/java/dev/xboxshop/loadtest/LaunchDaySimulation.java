package dev.xboxshop.loadtest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIf;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Launch day: parents open the X-Box page and buy through the gateway, one checkout mode
 * after another, each mode on a freshly restocked X-Box, so every mode meets the same
 * demand for the same stock on the whole machine. Every parent is its own customer, with
 * its own {@code Idempotency-Key} and {@code X-Forwarded-For} address (the gateway limits
 * per address).
 * <p>
 * The simulation records every checkout answer itself, reads the accepted orders' final
 * states back after the load, and prints one table with a column per mode (also written
 * to {@code target/launch/summary.json} and {@code summary.md}). The {@code capacity}
 * profile steps the arrival rate up and stops a mode at the first step whose accept p99
 * or error share breaks; the last step that held is the knee. Bounded in time and count;
 * the settings are in {@link LaunchSettings}.
 */
public class LaunchDaySimulation extends Simulation {

	private final LaunchSettings settings = LaunchSettings.fromSystemProperties();

	private final ShopApi shop = new ShopApi(this.settings);

	private final ReportSettings reportSettings = ReportSettings.fromSystemProperties(this.settings);

	private volatile Ladder ladder;

	private final Map<String, ModeRun> runs = new LinkedHashMap<>();

	private final AtomicLong parents = new AtomicLong();

	private final ScheduledExecutorService monitor = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "launch-monitor");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ModeRun current;

	private final HttpProtocolBuilder protocol = http.baseUrl(this.settings.baseUrl())
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.shareConnections();

	{
		for (String mode : this.settings.modes()) {
			this.runs.put(mode, new ModeRun(mode, this.settings.stockPerMode(), this.settings.steps(),
					this.settings.stepSeconds()));
		}
		List<ModeRun> order = new ArrayList<>(this.runs.values());
		PopulationBuilder chain = null;
		for (int i = order.size() - 1; i >= 0; i--) {
			ModeRun run = order.get(i);
			PopulationBuilder settle = (chain != null) ? settle(run).andThen(chain) : settle(run);
			chain = prepare(run).andThen(load(run, i == order.size() - 1).andThen(settle));
		}
		setUp(chain).protocols(this.protocol).maxDuration(this.settings.maxDuration());
	}

	private PopulationBuilder prepare(ModeRun run) {
		return scenario("restock for " + run.mode).exec((session) -> {
			this.current = run;
			System.out.println("[" + run.mode + "] restocked " + ShopApi.XBOX + " to " + run.stock + ": "
					+ this.shop.restock(run.stock));
			return session;
		}).injectOpen(atOnceUsers(1));
	}

	private PopulationBuilder load(ModeRun run, boolean last) {
		ScenarioBuilder parents = scenario("parents buying in " + run.mode + " mode")
			.exec((session) -> newParent(session))
			.exec(exitHereIf((session) -> run.broken()));
		if (this.settings.browse()) {
			parents = parents.exec(browse());
		}
		parents = parents.exec(buy(run));
		if (last && this.settings.capacity()) {
			// the knee of the last mode is found: nothing left to learn, end the run now
			parents = parents.exec(stopLoadGeneratorIf("capacity knee found", (session) -> run.broken()));
		}
		return parents.injectOpen(injection());
	}

	private OpenInjectionStep[] injection() {
		if (this.settings.capacity()) {
			return new OpenInjectionStep[] { incrementUsersPerSec(this.settings.stepRate()).times(this.settings.steps())
				.eachLevelLasting(this.settings.stepSeconds())
				.startingFrom(this.settings.startRate()) };
		}
		return new OpenInjectionStep[] {
				rampUsersPerSec(1).to(this.settings.usersPerSec()).during(this.settings.rampSeconds()),
				constantUsersPerSec(this.settings.usersPerSec()).during(this.settings.seconds()) };
	}

	private Session newParent(Session session) {
		long n = this.parents.incrementAndGet();
		// one address per parent, so the gateway's per-client limits see a crowd, not one
		// client
		String address = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
		return session.set("clientAddress", address).set("idempotencyKey", UUID.randomUUID().toString());
	}

	private ChainBuilder browse() {
		return exec(http("product page data").get("/api/products/" + ShopApi.XBOX)
			.header("X-Forwarded-For", "#{clientAddress}")
			.requestTimeout(Duration.ofSeconds(this.settings.requestTimeoutSeconds()))
			.check(status().in(200, 429, 503)));
	}

	/**
	 * The parent's customer token, as an API client gets one ({@code POST /api/identity},
	 * rate-limited per client address): untimed, it is the arrival, not the checkout. A
	 * parent the gateway gives no token is turned away with that answer.
	 */
	private ChainBuilder identity(ModeRun run) {
		return exec(http("identity").post("/api/identity")
			.header("X-Forwarded-For", "#{clientAddress}")
			.requestTimeout(Duration.ofSeconds(this.settings.requestTimeoutSeconds()))
			.check(status().saveAs("identityStatus"), status().in(201, 429, 503),
					jsonPath("$.token").optional().saveAs("token")))
			.doIf((session) -> !session.contains("token"))
			.then(exec((session) -> {
				int status = session.contains("identityStatus") ? session.getInt("identityStatus") : 0;
				long now = System.currentTimeMillis();
				run.sending(now);
				run.answered(
						new CheckoutAnswer(run.mode, now, 0, status, null, (status == 429) ? "rate-limited" : null));
				return session;
			}));
	}

	private ChainBuilder buy(ModeRun run) {
		String body = "{\"items\":[{\"sku\":\"" + ShopApi.XBOX + "\",\"quantity\":1}]}";
		return identity(run).doIf((session) -> session.contains("token")).then(exec((session) -> {
			long now = System.currentTimeMillis();
			run.sending(now);
			return session.set("sentAt", now);
		}).exec(http("checkout " + run.mode).post("/api/orders")
			.header("X-Forwarded-For", "#{clientAddress}")
			.header("Authorization", "Bearer #{token}")
			.header("Idempotency-Key", "#{idempotencyKey}")
			.header("X-Checkout-Mode", run.mode)
			.body(StringBody(body))
			.requestTimeout(Duration.ofSeconds(this.settings.requestTimeoutSeconds()))
			.check(status().saveAs("status"), status().in(201, 202, 409), responseTimeInMillis().saveAs("latency"),
					jsonPath("$.orderId").optional().saveAs("orderId"),
					jsonPath("$.type").optional().saveAs("problemType")))
			.exec((session) -> {
				run.answered(answer(run.mode, session));
				return session.remove("status").remove("latency").remove("orderId").remove("problemType");
			}));
	}

	private static CheckoutAnswer answer(String mode, Session session) {
		long sentAt = session.getLong("sentAt");
		int status = session.contains("status") ? session.getInt("status") : 0;
		long latency = session.contains("latency") ? session.getInt("latency") : System.currentTimeMillis() - sentAt;
		String type = session.contains("problemType") ? session.getString("problemType") : null;
		String problem = (type != null) ? type.substring(type.lastIndexOf('/') + 1) : null;
		return new CheckoutAnswer(mode, sentAt, latency, status,
				session.contains("orderId") ? session.getString("orderId") : null, problem);
	}

	private PopulationBuilder settle(ModeRun run) {
		return scenario("settling " + run.mode)
			.exec(during(Duration.ofSeconds(this.settings.settleSeconds()))
				.on(exitHereIf((session) -> settled(run)).pause(1)))
			.exec((session) -> {
				run.audited(verdict() + " (orders not yet settled)");
				return session;
			})
			.injectOpen(atOnceUsers(1));
	}

	/** Every accepted order of the mode is final: take the auditor's verdict now. */
	private boolean settled(ModeRun run) {
		boolean settled = this.shop.backlog().map((backlog) -> backlog.path("inFlight").asLong(-1) == 0).orElse(false);
		if (settled) {
			if (run.mode.equals("escrow")) {
				run.leasesAfterSale(reclaimLeases());
			}
			run.audited(verdict());
			System.out.println("[" + run.mode + "] settled; auditor: " + run.auditVerdict());
		}
		return settled;
	}

	/**
	 * Units left in escrow leases at inventory once the sale settled (stranded), then the
	 * time until every one of them was back in available (idle quotas are given back, a
	 * dead replica's lease expires), waiting at most a minute.
	 */
	private String reclaimLeases() {
		long stranded = heldInLeases();
		long start = System.nanoTime();
		long held = stranded;
		while (held > 0 && System.nanoTime() - start < Duration.ofMinutes(1).toNanos()) {
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			held = heldInLeases();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String answer = (held == 0) ? String.format(java.util.Locale.ROOT, "%d units, %.1f s", stranded, seconds)
				: stranded + " units, " + held + " still leased after 60 s";
		System.out.println("[escrow] stranded in leases: " + answer);
		return answer;
	}

	private long heldInLeases() {
		long held = 0;
		JsonNode leases = this.shop.escrowLeases()
			.orElse(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
		for (JsonNode lease : leases) {
			// units the lease still keeps for its replica that no order took
			held += lease.path("left").asLong();
		}
		return held;
	}

	private String verdict() {
		return this.shop.audit().map((audit) -> audit.path("verdict").asText("?")).orElse("unreadable");
	}

	@Override
	public void before() {
		System.out.println("Launch " + this.settings.profile() + ": modes " + this.settings.modes() + ", "
				+ this.settings.plannedArrivals() + " parents and " + this.settings.stockPerMode()
				+ " units per mode, through " + this.settings.baseUrl());
		climbLadder();
		System.out.println("Inventory chaos for the run: " + this.shop.chaos(this.settings.inventoryExtraLatencyMs()));
		this.monitor.scheduleWithFixedDelay(this::sampleBacklog, 0, 1, TimeUnit.SECONDS);
		if (this.settings.capacity()) {
			this.monitor.scheduleWithFixedDelay(() -> judgeSteps(this.current, false), 500, 500, TimeUnit.MILLISECONDS);
		}
	}

	/** The ladder, on a quiet shop before the launch; its async orders settle first. */
	private void climbLadder() {
		if (this.reportSettings.ladder()) {
			LadderClimb climb = new LadderClimb(this.settings, this.reportSettings);
			System.out.println("Ladder: restocked " + ShopApi.XBOX + ": " + this.shop.restock(climb.unitsNeeded()));
			this.ladder = climb.climb();
			System.out.println(this.ladder.table());
			waitForBacklog();
		}
	}

	private void sampleBacklog() {
		ModeRun run = this.current;
		if (run != null) {
			this.shop.backlog()
				.ifPresent((backlog) -> run.sampled(backlog.path("inFlight").asLong(),
						backlog.path("projectedWaitMs").asLong(), backlog.path("shedding").asBoolean()));
		}
	}

	/**
	 * Judge the capacity steps of a mode that are over (and, during the run, whose late
	 * answers have had time to come); stop at the first that broke.
	 */
	private synchronized void judgeSteps(ModeRun run, boolean runOver) {
		if (run == null || run.loadStart() == 0) {
			return;
		}
		long grace = Math.max(2 * this.settings.p99LimitMs(), 2000);
		while (!run.broken() && run.steps.size() < this.settings.steps()) {
			int step = run.steps.size();
			long stepEnd = run.loadStart() + (step + 1) * this.settings.stepSeconds() * 1000L;
			if (!runOver && System.currentTimeMillis() < stepEnd + grace) {
				return;
			}
			CapacityStep judged = CapacityStep.judge(step, this.settings.stepTarget(step), this.settings.stepSeconds(),
					run.sentIn(step), run.answersIn(step), grace, this.settings.p99LimitMs(),
					this.settings.errorLimitPercent());
			if (judged.sent() == 0 && runOver) {
				return;
			}
			run.steps.add(judged);
			System.out.println("[" + run.mode + "] step " + (step + 1) + " at " + LaunchReport.rate(judged.targetRate())
					+ "/s: " + judged.why());
			if (!judged.held()) {
				run.broke();
			}
		}
	}

	@Override
	public void after() {
		this.monitor.shutdownNow();
		System.out.println("Inventory chaos reset: " + this.shop.chaos(0));
		waitForBacklog();
		List<ModeSummary> summaries = new ArrayList<>();
		List<TradeoffReport.Mode> tradeoffs = new ArrayList<>();
		long price = this.shop.xboxPriceCents();
		for (ModeRun run : this.runs.values()) {
			if (this.settings.capacity()) {
				judgeSteps(run, true);
			}
			if (run.auditVerdict().equals("not read")) {
				run.audited(verdict());
			}
			Map<String, FinalOrder> orders = finalStates(run);
			summaries.add(ModeSummary.of(run, orders));
			tradeoffs.add(TradeoffReport.mode(summaries.get(summaries.size() - 1), run, orders, price,
					this.reportSettings.apologyCostCents()));
		}
		JsonNode audit = this.shop.audit().orElse(null);
		LaunchReport report = new LaunchReport(this.settings, summaries);
		System.out.println();
		System.out.println(report.table());
		System.out.println("Invariant auditor after the run: "
				+ ((audit != null) ? audit.path("verdict").asText() + " " + audit.path("violations") : "unreadable"));
		try {
			Path written = report.write(audit);
			System.out.println("Summary written to " + written.toAbsolutePath());
		}
		catch (IOException ex) {
			System.out.println("Could not write the summary: " + ex.getMessage());
		}
		writeTradeoffReport(tradeoffs, price);
	}

	private void writeTradeoffReport(List<TradeoffReport.Mode> modes, long price) {
		TradeoffReport report = new TradeoffReport(java.time.Instant.now().toString(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), this.settings,
				this.reportSettings.apologyCostCents(), price, modes, this.ladder,
				TradeoffReport.gatlingReport(this.reportSettings));
		System.out.println();
		System.out.println(report.markdown());
		try {
			System.out.println(
					"Tradeoff report written to " + report.write(this.reportSettings.reportDir()).toAbsolutePath());
		}
		catch (IOException ex) {
			System.out.println("Could not write the tradeoff report: " + ex.getMessage());
		}
	}

	/**
	 * The run may have been stopped early: give the last mode's orders time to settle.
	 */
	private void waitForBacklog() {
		long deadline = System.nanoTime() + Duration.ofSeconds(this.settings.settleSeconds()).toNanos();
		while (System.nanoTime() < deadline
				&& this.shop.backlog().map((backlog) -> backlog.path("inFlight").asLong() > 0).orElse(false)) {
			java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
		}
	}

	/**
	 * Reads every accepted order of the mode back from order-service, eight at a time.
	 */
	private Map<String, FinalOrder> finalStates(ModeRun run) {
		Map<String, FinalOrder> orders = new ConcurrentHashMap<>();
		ExecutorService readers = Executors.newFixedThreadPool(8);
		for (CheckoutAnswer answer : run.answers) {
			if (answer.accepted() && answer.orderId() != null) {
				readers.execute(() -> this.shop.order(answer.orderId())
					.ifPresent((order) -> orders.put(order.orderId(), order)));
			}
		}
		readers.shutdown();
		try {
			if (!readers.awaitTermination(120, TimeUnit.SECONDS)) {
				readers.shutdownNow();
				System.out.println("[" + run.mode + "] gave up reading orders after 120 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return orders;
	}

}
