package dev.xboxshop.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium, with the flags this machine needs, and
 * screenshots under {@code target/screenshots} for a person to look at.
 */
final class Browser {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Browser() {
	}

	static ChromeDriver open() {
		String chromium = System.getProperty("shop.chromium", "/usr/bin/chromium");
		String chromedriver = System.getProperty("shop.chromedriver", "/usr/bin/chromedriver");
		for (String tool : new String[] { chromium, chromedriver }) {
			if (!Files.isExecutable(Path.of(tool))) {
				// a browser test fails without its browser, never skips: ./shop test
				// installs it
				throw new IllegalStateException("The browser tests need " + tool
						+ " (Debian: apt-get install --no-install-recommends chromium chromium-driver);"
						+ " ./shop test installs them");
			}
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(chromedriver).toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
		return driver;
	}

	static Path screenshot(ChromeDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
