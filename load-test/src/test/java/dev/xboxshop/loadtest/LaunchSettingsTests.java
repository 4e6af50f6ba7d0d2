package dev.xboxshop.loadtest;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchSettingsTests {

	@Test
	void launchStocksATenthOfTheDemand() {
		LaunchSettings settings = settings(Map.of("usersPerSec", "100", "rampSeconds", "10", "seconds", "30"));
		// a ramp from 1 to 100/s over 10 s (505) and 30 s at 100/s (3,000)
		assertThat(settings.plannedArrivals()).isEqualTo(3_505);
		assertThat(settings.stockPerMode()).isEqualTo(351);
	}

	@Test
	void anExplicitStockWins() {
		assertThat(settings(Map.of("stock", "300")).stockPerMode()).isEqualTo(300);
	}

	@Test
	void capacityStepsUpAndStocksEveryone() {
		LaunchSettings settings = settings(
				Map.of("profile", "capacity", "startRate", "50", "stepRate", "25", "steps", "4", "stepSeconds", "10"));
		assertThat(settings.stepTarget(0)).isEqualTo(50);
		assertThat(settings.stepTarget(3)).isEqualTo(125);
		assertThat(settings.plannedArrivals()).isEqualTo(3_500);
		assertThat(settings.stockPerMode()).isEqualTo(3_500);
		assertThat(settings.loadSeconds()).isEqualTo(40);
	}

	@Test
	void capacityDefaultsStepFrom25To300PerSecondInTwoMinutes() {
		LaunchSettings settings = settings(Map.of("profile", "capacity"));
		assertThat(settings.stepTarget(0)).isEqualTo(25);
		assertThat(settings.stepTarget(settings.steps() - 1)).isEqualTo(300);
		assertThat(settings.loadSeconds()).isEqualTo(120);
	}

	@Test
	void orderServiceSitsFourPortsAboveTheGatewayUnlessSet() {
		assertThat(settings(Map.of("baseUrl", "http://localhost:8480")).orderUrl()).isEqualTo("http://localhost:8484");
		assertThat(settings(Map.of("orderUrl", "http://127.0.0.1:9000")).orderUrl()).isEqualTo("http://127.0.0.1:9000");
	}

	@Test
	void modesAreTrimmed() {
		assertThat(settings(Map.of("modes", "async, sync ,")).modes()).containsExactly("async", "sync");
	}

	@Test
	void runIsBoundedForEveryMode() {
		LaunchSettings settings = settings(Map.of("modes", "sync,async"));
		// (10 + 40 s load + 20 s timeout + 75 s settle) per mode, plus 30 s
		assertThat(settings.maxDuration().toSeconds()).isEqualTo(2 * 145 + 30);
	}

	@Test
	void rejectsAnUnknownProfile() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Map.of("profile", "soak")));
	}

	private static LaunchSettings settings(Map<String, String> properties) {
		return LaunchSettings.from(properties::get);
	}

}
