package dev.xboxshop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local shop's Redis keeps its data across a restart (an append-only file in the run
 * folder); a test's Redis keeps nothing.
 */
class LocalRedisPersistenceTests {

	@Test
	void keepsWhatWasWrittenAcrossARestartWithADataFolder(@TempDir Path dir) throws IOException {
		RedisServerHandle first = LocalRedis.start(FreePorts.find(), dir);
		try {
			assertThat(command(first, "SET yesterday orders")).isEqualTo("+OK");
		}
		finally {
			first.stop();
		}

		RedisServerHandle second = LocalRedis.start(FreePorts.find(), dir);
		try {
			assertThat(command(second, "GET yesterday")).isEqualTo("$6\r\norders");
		}
		finally {
			second.stop();
		}
	}

	@Test
	void theEmbeddedBinaryKeepsItsDataToo(@TempDir Path dir) throws IOException {
		int port = FreePorts.find();
		RedisServerHandle first = LocalRedis.startEmbedded(port, LocalRedis.persistence(dir));
		try {
			awaitPong(first);
			assertThat(command(first, "SET yesterday orders")).isEqualTo("+OK");
		}
		finally {
			first.stop();
		}

		RedisServerHandle second = LocalRedis.startEmbedded(port, LocalRedis.persistence(dir));
		try {
			awaitPong(second);
			assertThat(command(second, "GET yesterday")).isEqualTo("$6\r\norders");
		}
		finally {
			second.stop();
		}
	}

	private static void awaitPong(RedisServerHandle redis) {
		LocalRedis.awaitPong(redis.port());
	}

	@Test
	void keepsNothingWithoutADataFolder() throws IOException {
		int port = FreePorts.find();
		RedisServerHandle first = LocalRedis.start(port);
		try {
			assertThat(command(first, "SET yesterday orders")).isEqualTo("+OK");
		}
		finally {
			first.stop();
		}

		RedisServerHandle second = LocalRedis.start(port);
		try {
			assertThat(command(second, "GET yesterday")).isEqualTo("$-1");
		}
		finally {
			second.stop();
		}
	}

	/** One inline command; the reply without its last line break. */
	private static String command(RedisServerHandle redis, String command) throws IOException {
		try (Socket socket = new Socket(redis.host(), redis.port())) {
			socket.setSoTimeout(5000);
			socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			int lines = 0;
			while (lines < 2) {
				int next = in.read();
				if (next < 0) {
					break;
				}
				reply.append((char) next);
				if (next == '\n') {
					lines++;
					String text = reply.toString();
					if (lines == 1 && !text.startsWith("$") || text.startsWith("$-1")) {
						break;
					}
				}
			}
			return reply.toString().stripTrailing();
		}
	}

}
