package dev.xboxshop.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HTTP server a stand-in for another team's service runs on: a free loopback
 * port, its own threads, stopped (threads and all) on close. The stubs decide what to
 * answer; this holds what every one of them needs.
 */
public final class StubServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private StubServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/** A server on a free loopback port with a thread for every request in flight. */
	public static StubServer start(String name) {
		return start(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		}));
	}

	public static StubServer start(ExecutorService executor) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(executor);
			server.start();
			return new StubServer(server, executor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public StubServer route(String path, HttpHandler handler) {
		this.server.createContext(path, handler);
		return this;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String url() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Answers with a JSON body: {@code application/problem+json} from 400 on, as the
	 * shop's services do, else {@code application/json}.
	 */
	public static void send(HttpExchange exchange, int status, String json) throws IOException {
		send(exchange, status, (status >= 400) ? "application/problem+json" : "application/json", json);
	}

	public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
