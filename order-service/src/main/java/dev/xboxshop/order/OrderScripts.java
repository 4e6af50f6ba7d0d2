package dev.xboxshop.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts that create, move, remove or count orders. Each one carries
 * {@code audit-counters.lua} and {@code release-outbox.lua} in front of its own text, so
 * the auditor's figures and the reservations to give back change in the same atomic step
 * as the orders they follow (never a separate call that a crash could skip).
 */
public final class OrderScripts {

	private static final String PREFIX = text("audit-counters") + text("release-outbox");

	private OrderScripts() {
	}

	/**
	 * A script that keeps the auditor's figures: its last keys must be
	 * {@link RedisKeys#AUDIT_FIGURES}.
	 * @param name the script's file name in {@code scripts/}, without {@code .lua}
	 * @param type what it returns
	 * @return the script, with the figures' functions in front
	 */
	public static <T> RedisScript<T> counting(String name, Class<T> type) {
		return RedisScript.of(PREFIX + text(name), type);
	}

	/**
	 * A script that changes no order (escrow quotas, for one).
	 * @param name the script's file name in {@code scripts/}, without {@code .lua}
	 * @param type what it returns
	 * @return the script
	 */
	public static <T> RedisScript<T> plain(String name, Class<T> type) {
		return RedisScript.of(text(name), type);
	}

	private static String text(String name) {
		try {
			return new ClassPathResource("scripts/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
