package dev.xboxshop.localrun.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a loopback socket, one connection per request: a bad-input
 * case must be able to send what a well-behaved client library refuses to (a raw
 * {@code ..} or an unencoded space in the path, a header value a client would reject, a
 * body on a GET). The Content-Length is always the body's own.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private RawHttp() {
	}

	/**
	 * One request.
	 *
	 * @param method the method, sent as given
	 * @param target the request target, sent as given (already encoded, or not)
	 * @param headers name and value pairs, sent as given, in order
	 * @param body the body, or {@code null} for none
	 */
	record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

		String describe() {
			String shown = (this.body == null) ? ""
					: new String(this.body, 0, Math.min(this.body.length, 300), StandardCharsets.UTF_8)
							+ ((this.body.length > 300) ? "... (" + this.body.length + " bytes)" : "");
			String target = (this.target.length() > 300) ? this.target.substring(0, 300) + "..." : this.target;
			return this.method + " " + target + " " + this.headers + " " + shown;
		}

	}

	/**
	 * The answer: its status, headers (names in lower case) and body.
	 */
	record Answer(int status, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	static Answer send(int port, Request request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder();
			head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
			head.append("Host: 127.0.0.1:").append(port).append("\r\n");
			for (Map.Entry<String, String> header : request.headers()) {
				head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
			}
			if (request.body() != null) {
				head.append("Content-Length: ").append(request.body().length).append("\r\n");
			}
			head.append("Connection: close\r\n\r\n");
			// one write, head and body together: a server that answers from the head
			// alone
			// (401, 414) must not find the body arriving after it closed
			ByteArrayOutputStream whole = new ByteArrayOutputStream();
			whole.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (request.body() != null) {
				whole.write(request.body());
			}
			out.write(whole.toByteArray());
			out.flush();
			return read(socket.getInputStream(), "HEAD".equals(request.method()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer to " + request.describe(), ex);
		}
	}

	private static Answer read(InputStream in, boolean head) throws IOException {
		byte[] all = in.readAllBytes();
		int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		if (end < 0) {
			throw new IOException("No complete response head in " + all.length + " bytes");
		}
		String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers
					.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
		List<String> encoding = headers.get("transfer-encoding");
		if (!head && encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
			body = dechunk(body);
		}
		return new Answer(status, headers, head ? new byte[0] : body);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		return indexOf(data, pattern, 0);
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
