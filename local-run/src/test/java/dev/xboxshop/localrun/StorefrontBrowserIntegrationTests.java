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

import static dev.xboxshop.localrun.ShopClient.XBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shopper and a presenter in headless Chromium, through the gateway, against the whole
 * running shop. Each test leaves a screenshot in {@code target/screenshots}.
 */
class StorefrontBrowserIntegrationTests {

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
		// a cold JVM can miss a page part's timeout; a shopper would see a fallback,
		// these
		// tests want the live page
		for (int i = 0; i < 5; i++) {
			client.page(storefront + "/");
		}
	}

	@BeforeEach
	void openBrowser(TestInfo test) {
		this.testName = test.getTestMethod().orElseThrow().getName();
		this.browser = Browser.open();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() {
		Browser.screenshot(this.browser, this.testName);
		this.browser.quit();
		client.setChaos(false);
	}

	@Test
	void shopperBuysAnXboxInSyncModeAndSeesItConfirmed() {
		client.setMode("sync");
		client.setAvailable(XBOX, 50);

		this.browser.get(storefront + "/");
		assertThat(text("checkout-mode")).isEqualTo("sync");
		assertThat(text("stock-left")).isEqualTo("50 left");
		Browser.screenshot(this.browser, this.testName + "-launch-page");
		placeOrderFromLaunchPage();

		this.wait.until(ExpectedConditions.textToBe(By.id("order-status"), "CONFIRMED"));
	}

	@Test
	void shopperInAsyncModeSeesTheOrderAcceptedThenConfirmed() {
		client.setMode("async");
		client.setAvailable(XBOX, 50);

		this.browser.get(storefront + "/");
		assertThat(text("checkout-mode")).isEqualTo("async");
		WebElement placeOrder = buyFromLaunchPage();
		// a slow warehouse keeps the order ACCEPTED long enough to see it change live
		client.setChaos(2_500, false);
		placeOrder.click();

		this.wait.until(ExpectedConditions.textToBe(By.id("order-status"), "ACCEPTED"));
		Browser.screenshot(this.browser, this.testName + "-accepted");
		String orderUrl = this.browser.getCurrentUrl();
		this.wait.until(ExpectedConditions.textToBe(By.id("order-status"), "CONFIRMED"));
		assertThat(this.browser.getCurrentUrl()).as("updated live, without navigating").isEqualTo(orderUrl);
	}

	@Test
	void withInventoryDownTheCartStillChecksOutInAsyncAndSyncSaysTryAgain() {
		client.setAvailable(XBOX, 50);
		client.setMode("async");
		this.browser.get(storefront + "/");
		buyFromLaunchPage();
		client.setChaos(true);

		this.browser.get(storefront + "/cart");
		Browser.screenshot(this.browser, this.testName + "-cart-inventory-down");
		this.browser.findElement(By.id("place-order")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("order-status"), "ACCEPTED"));
		String asyncOrder = this.browser.getCurrentUrl();

		client.setChaos(false);
		this.browser.get(asyncOrder);
		this.wait.until(ExpectedConditions.textToBe(By.id("order-status"), "CONFIRMED"));

		// the same shopper's next console, in sync: a fast "try again", nothing bought
		client.setMode("sync");
		this.browser.get(storefront + "/");
		buyFromLaunchPage();
		client.setChaos(true);
		this.browser.get(storefront + "/cart");
		this.browser.findElement(By.id("place-order")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "try again"));
		assertThat(this.browser.getCurrentUrl()).contains("/cart");
		assertThat(this.browser.findElements(By.id("place-order"))).as("the cart is kept to try again").hasSize(1);
	}

	@Test
	void shopperSeesSoldOutOnceStockIsGone() {
		client.setMode("sync");
		client.setAvailable(XBOX, 0);

		this.browser.get(storefront + "/");
		assertThat(text("stock-left")).isEqualTo("0 left");
		assertThat(this.browser.findElement(By.id("stock-panel")).getText()).containsIgnoringCase("Sold out");
		assertThat(this.browser.findElement(By.id("buy")).isEnabled()).isFalse();

		// the last unit goes while the page is open: checkout says so
		client.setAvailable(XBOX, 1);
		this.browser.get(storefront + "/");
		WebElement placeOrder = buyFromLaunchPage();
		client.setAvailable(XBOX, 0);
		placeOrder.click();

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Sold out"));
		assertThat(this.browser.getCurrentUrl()).contains("/cart");
	}

	@Test
	void shopperSeesTheApologyWhenAnAsyncOrderWasOversold() {
		client.setMode("async");
		// the last unit goes between the shopper's Buy and Place order (with no stock
		// showing, Buy is disabled)
		client.setAvailable(XBOX, 1);
		this.browser.get(storefront + "/");
		WebElement placeOrder = buyFromLaunchPage();
		client.setAvailable(XBOX, 0);
		placeOrder.click();

		this.wait.until(ExpectedConditions.textToBe(By.id("order-status"), "CANCELLED"));
		assertThat(text("order-reason")).containsIgnoringCase("sold out").contains("not be charged");
	}

	@Test
	void launchPageShowsLastKnownStockWithoutWaitingForASlowInventory() {
		client.setMode("sync");
		client.setAvailable(XBOX, 42);
		this.browser.get(storefront + "/");
		assertThat(text("stock-left")).isEqualTo("42 left");
		int chaosMs = 2_000;
		client.setChaos(chaosMs, false);

		long started = System.nanoTime();
		this.browser.navigate().refresh();
		long tookMs = (System.nanoTime() - started) / 1_000_000;

		System.out.println("launch page with inventory " + chaosMs + " ms slow: rendered in " + tookMs + " ms");
		assertThat(text("stock-left")).isEqualTo("42 left");
		assertThat(text("stock-freshness")).contains("may be stale");
		// the page did not wait for the slow part: it gave the product part up at its
		// budget (the time printed above is the measurement, not a pass/fail limit)
		assertThat(this.browser.findElement(By.id("timing-product")).getDomAttribute("data-outcome"))
			.isEqualTo("timeout");
	}

	@Test
	void presenterSwitchesTheCheckoutModeOnTheLabPage() {
		client.setMode("sync");

		this.browser.get(storefront + "/lab");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operator-token")))
			.sendKeys(RunningShop.OPERATOR_TOKEN);
		this.browser.findElement(By.id("login-submit")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mode-form")));
		assertThat(text("lab-mode")).isEqualTo("sync");

		new Select(this.browser.findElement(By.id("mode-select"))).selectByValue("async");
		this.browser.findElement(By.id("mode-submit")).click();

		// the submit reloads the page: an element read during the reload is stale, not
		// wrong
		this.wait.ignoring(StaleElementReferenceException.class).until((driver) -> "async".equals(text("lab-mode")));
		assertThat(client.mode()).isEqualTo("async");
	}

	private void placeOrderFromLaunchPage() {
		buyFromLaunchPage().click();
	}

	/** Buy on the launch page: the cart page comes with its Place order button. */
	private WebElement buyFromLaunchPage() {
		this.browser.findElement(By.id("buy")).click();
		return this.wait.until(ExpectedConditions.elementToBeClickable(By.id("place-order")));
	}

	private String text(String id) {
		WebElement element = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
		// the DOM's text, not the rendered one: CSS shows some labels in capitals
		return element.getDomProperty("textContent").trim();
	}

}
