package dev.xboxshop.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code ./shop trace}: the lines of one trace from every service's log, in the order
 * their work began.
 */
class TraceLogTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String OTHER = "0af7651916cd43dd8448eb211c80319c";

	@Test
	void collectsTheTracesLinesFromEveryServiceInTheOrderTheirWorkBegan(@TempDir Path logs) throws IOException {
		Files.writeString(logs.resolve("gateway.log"), String.join("\n",
				"2026-12-01T16:00:00.100Z  INFO 1 --- [gateway] [ctor-http-nio-2] [" + OTHER
						+ "-00f067aa0ba902b7] d.x.g.Other : another request",
				// a span is written when it ends, seconds after it began
				"2026-12-01T16:00:05.000Z  INFO 1 --- [gateway] [BatchSpanProcessor] [ ] shop.spans : span trace="
						+ TRACE
						+ " span=a1 parent=- start=2026-12-01T16:00:00.200Z took=12.0ms kind=SERVER name=\"http post /api/orders\"",
				""));
		Files.writeString(logs.resolve("order-service.log"), String.join("\n",
				"2026-12-01T16:00:00.300Z  WARN 2 --- [order-service] [nio-8084-exec-1] [" + TRACE
						+ "-b2b2b2b2b2b2b2b2] d.x.o.ProblemAdvice : Order store failed",
				"java.lang.IllegalStateException: boom", "\tat dev.xboxshop.order.Somewhere(Somewhere.java:1)",
				"2026-12-01T16:00:00.400Z  INFO 2 --- [order-service] [nio-8084-exec-2] [ ] d.x.o.Quiet : untraced",
				""));
		Files.writeString(logs.resolve("notes.txt"), "2026-12-01T16:00:00.000Z " + TRACE + " not a service log\n");

		List<TraceLog.Line> lines = TraceLog.of(logs, TRACE);

		assertThat(lines).extracting(TraceLog.Line::service).containsExactly("gateway", "order-service");
		assertThat(lines.get(0).text()).contains("http post /api/orders");
		assertThat(lines.get(1).text()).contains("Order store failed").contains("IllegalStateException: boom");
		assertThat(lines.get(1).toString()).startsWith("order-service | 2026-12-01T16:00:00.300Z");
	}

	@Test
	void findsNothingForATraceNoLogNames(@TempDir Path logs) throws IOException {
		Files.writeString(logs.resolve("gateway.log"), "2026-12-01T16:00:00.100Z  INFO [" + OTHER + "-1] x : y\n");

		assertThat(TraceLog.of(logs, TRACE)).isEmpty();
		assertThat(TraceLog.of(logs.resolve("missing"), TRACE)).isEmpty();
		assertThat(LocalShopCommand.trace(logs, TRACE)).isEqualTo(1);
	}

	@Test
	void runsEveryServiceOfTheLocalShopWithItsSpansInItsLog() {
		ShopOptions options = LocalShopCommand.options(new String[] { "--replicas" });

		assertThat(ServicePlan.of(options)).hasSize(7)
			.allSatisfy((plan) -> assertThat(plan.arguments()).contains("--shop.tracing.log-spans=true"));
	}

	@Test
	void acceptsOnlyATraceIdAfterTrace() {
		assertThat(LocalShopCommand.options(new String[] { "trace", TRACE, "--port-offset=3" }).ports().gateway())
			.isEqualTo(8083);
		assertThatIllegalArgumentException().isThrownBy(() -> LocalShopCommand.options(new String[] { "trace" }))
			.withMessageContaining("32 hexadecimal digits");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalShopCommand.options(new String[] { "trace", "../../etc/passwd" }))
			.withMessageContaining("32 hexadecimal digits");
	}

}
