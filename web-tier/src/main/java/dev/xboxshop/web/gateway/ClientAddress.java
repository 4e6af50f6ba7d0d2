package dev.xboxshop.web.gateway;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The shopper's address, passed on to the gateway as {@code X-Forwarded-For} so its
 * per-client rate limits count shoppers, not the web tier. Page parts run on other
 * threads, so the address is captured on the request thread and carried along.
 */
public final class ClientAddress {

	static final String HEADER = "X-Forwarded-For";

	private static final ThreadLocal<String> CARRIED = new ThreadLocal<>();

	private ClientAddress() {
	}

	/**
	 * The address of the shopper this thread works for, or {@code null} outside a
	 * request.
	 */
	static String current() {
		String carried = CARRIED.get();
		if (carried != null) {
			return carried;
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String forwarded = request.getHeader(HEADER);
			return (forwarded != null && !forwarded.isBlank()) ? forwarded : request.getRemoteAddr();
		}
		return null;
	}

	/**
	 * Wraps a call so that it runs, on whatever thread, for the shopper of the current
	 * request.
	 */
	public static <T> Supplier<T> carrying(Supplier<T> call) {
		String address = current();
		return () -> {
			CARRIED.set(address);
			try {
				return call.get();
			}
			finally {
				CARRIED.remove();
			}
		};
	}

}
