package dev.xboxshop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

final class LocalRedisPing {

	private LocalRedisPing() {
	}

	static String ping(String host, int port) {
		try (Socket socket = new Socket(host, port)) {
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
