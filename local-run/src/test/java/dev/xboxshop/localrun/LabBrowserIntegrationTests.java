package dev.xboxshop.localrun;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static dev.xboxshop.localrun.ShopClient.XBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The presenter's live lab in headless Chromium, through the gateway, against the whole
 * running shop: the charts draw, a form still works after the live figures refreshed, the
 * launch rush buys in the current mode, and reset demo restores the defaults (stock 1000,
 * chaos off, sync). Screenshots in {@code target/screenshots}.
 */
class LabBrowserIntegrationTests {

	private static ShopClient client;

	private static String storefront;

	private ChromeDriver browser;

	private WebDriverWait wait;

	private String testName;

	@BeforeAll
	static void startShop() {
		LocalShop shop = RunningShop.get();
		client = new ShopClient(shop);
		storefront = shop.url("gateway");
	}

	@BeforeEach
	void openBrowser(TestInfo test) {
		this.testName = test.getTestMethod().orElseThrow().getName();
		this.browser = Browser.open();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void closeBrowser() {
		Browser.screenshot(this.browser, this.testName);
		this.browser.quit();
		client.setChaos(false);
	}

	@Test
	void presenterRunsARushInTheCurrentModeWatchesTheChartsAndResetsTheDemo() {
		client.setMode("sync");
		client.setChaos(false);
		client.setAvailable(XBOX, 600);
		long syncOrdersBefore = ordersIn("sync");
		long asyncOrdersBefore = ordersIn("async");
		signIn();

		rush("sync", "confirmed");
		this.wait.until((driver) -> ordersIn("sync") > syncOrdersBefore);

		// five refreshes of the live figures (one a second) after the page loaded: the
		// form's CSRF token must have survived them
		this.wait.until((driver) -> refreshes() >= 5);
		new Select(this.browser.findElement(By.id("mode-select"))).selectByValue("async");
		this.browser.findElement(By.id("mode-submit")).click();
		this.wait.until((driver) -> "mode-switched".equals(notice()));
		this.wait.until((driver) -> "async".equals(client.mode()));

		rush("async", "accepted");
		this.wait.until((driver) -> ordersIn("async") > asyncOrdersBefore);

		// the latency bars of both modes (p50 and p99), the lines of orders, revenue,
		// stock
		this.wait.until((driver) -> points("chart-latency") >= 4 && points("chart-orders") >= 2
				&& points("chart-revenue") >= 2 && points("chart-backlog") >= 2);
		assertThat(this.browser.findElements(By.cssSelector("#chart-latency rect[data-mode='sync']"))).hasSize(2);
		assertThat(this.browser.findElements(By.cssSelector("#chart-latency rect[data-mode='async']"))).hasSize(2);
		assertThat(this.browser.findElements(By.cssSelector("#chart-orders polyline"))).isNotEmpty();
		this.wait.until((driver) -> "PASS".equals(text("live-verdict")));
		this.browser.executeScript("document.getElementById('live').scrollIntoView()");
		Browser.screenshot(this.browser, this.testName + "-after-rush");

		client.setChaos(300, false);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chaos-banner")));
		assertThat(text("chaos-banner")).contains("300 ms extra latency");
		this.browser.executeScript("window.scrollTo(0, 0)");
		Browser.screenshot(this.browser, this.testName + "-chaos-on");

		this.browser.findElement(By.id("reset-submit")).click();
		this.wait.until((driver) -> "demo-reset".equals(notice()));
		// every order-service replica follows the stored mode within half a second
		this.wait.until((driver) -> "sync".equals(client.mode()));
		assertThat(client.stockOf(XBOX).path("available").asInt()).isEqualTo(1000);
		// each inventory replica re-reads the chaos settings within its chaos refresh
		this.wait.until((driver) -> chaosIsOff(client.chaos()));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("chaos-banner")));
		this.wait.until((driver) -> "sync".equals(text("live-mode")));
	}

	/** Presses Launch rush and waits until it is done: it ran in this mode. */
	private void rush(String mode, String outcome) {
		this.browser.findElement(By.id("rush-submit")).click();
		this.wait.until((driver) -> "rush-started".equals(notice()));
		this.wait.until((driver) -> "done".equals(attribute("rush-status", "data-state"))
				&& mode.equals(attribute("rush-status", "data-mode")));
		assertThat(text("rush-status")).contains(outcome);
	}

	private static boolean chaosIsOff(JsonNode chaos) {
		return !chaos.path("down").asBoolean() && chaos.path("extraLatencyMs").asLong() == 0
				&& chaos.path("errorRate").asDouble() == 0;
	}

	private void signIn() {
		this.browser.get(storefront + "/lab");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operator-token")))
			.sendKeys(RunningShop.OPERATOR_TOKEN);
		this.browser.findElement(By.id("login-submit")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live")));
	}

	private long ordersIn(String mode) {
		long orders = 0;
		for (JsonNode count : client.audit().body().path("orders").path("byMode").path(mode)) {
			orders += count.asLong();
		}
		return orders;
	}

	private int refreshes() {
		return Integer.parseInt(attribute("live", "data-refreshes"));
	}

	private int points(String chart) {
		return Integer.parseInt(attribute(chart, "data-points"));
	}

	private String notice() {
		return this.browser.findElements(By.id("message"))
			.stream()
			.findFirst()
			.map((message) -> message.getDomAttribute("data-notice"))
			.orElse(null);
	}

	private String attribute(String id, String name) {
		return find(id).getDomAttribute(name);
	}

	private String text(String id) {
		return find(id).getDomProperty("textContent").trim();
	}

	private WebElement find(String id) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
	}

}
