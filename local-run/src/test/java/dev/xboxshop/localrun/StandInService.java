package dev.xboxshop.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in launcher tests: started as {@code java -jar} like the
 * real services, it starts no Spring context. With {@code --stand-in.healthy} it answers
 * {@code /actuator/health} with 200 on its {@code --server.port}; without, it never
 * answers, as a service still starting.
 */
public final class StandInService {

	private StandInService() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		List<String> arguments = List.of(args);
		if (arguments.contains("--stand-in.healthy")) {
			int port = arguments.stream()
				.filter((arg) -> arg.startsWith("--server.port="))
				.map((arg) -> Integer.parseInt(arg.substring("--server.port=".length())))
				.findFirst()
				.orElseThrow();
			answerHealth(port);
		}
		new CountDownLatch(1).await();
	}

	static HttpServer answerHealth(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/actuator/health", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

}
