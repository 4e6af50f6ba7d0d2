package dev.xboxshop.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} the gateway believes
 * ({@code shop.gateway.trusted-proxies}, CIDRs such as {@code 10.0.0.0/8, ::1/128}). The
 * client is found by walking the header from the right, starting at the connection's
 * peer: each trusted hop is skipped, the first untrusted one is the client. A peer that
 * is not trusted is the client itself, whatever it wrote in the header.
 */
final class TrustedProxies {

	private static final Pattern IPV4 = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<Block> blocks;

	private TrustedProxies(List<Block> blocks) {
		this.blocks = blocks;
	}

	/**
	 * @param cidrs comma-separated CIDRs (a bare address is its own /32 or /128); blank
	 * trusts nobody
	 * @throws IllegalArgumentException for anything that is not a CIDR, so a typo fails
	 * the start instead of trusting the wrong peers
	 */
	static TrustedProxies of(String cidrs) {
		List<Block> blocks = new ArrayList<>();
		if (cidrs != null) {
			for (String cidr : cidrs.split(",")) {
				if (!cidr.isBlank()) {
					blocks.add(Block.parse(cidr.trim()));
				}
			}
		}
		return new TrustedProxies(List.copyOf(blocks));
	}

	/**
	 * The client's address.
	 * @param peer the connection's remote address
	 * @param forwardedFor the {@code X-Forwarded-For} header, or null
	 * @return the first untrusted hop from the right, the peer when it is untrusted or
	 * the header has nothing usable
	 */
	String clientOf(InetAddress peer, String forwardedFor) {
		if (peer == null) {
			return null;
		}
		String client = peer.getHostAddress();
		if (forwardedFor == null || !trusts(peer)) {
			return client;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			InetAddress hop = literal(hops[i].trim());
			if (hop == null) {
				return client;
			}
			client = hop.getHostAddress();
			if (!trusts(hop)) {
				return client;
			}
		}
		return client;
	}

	boolean trusts(InetAddress address) {
		return this.blocks.stream().anyMatch((block) -> block.contains(address));
	}

	/** An address literal, never a name (no DNS lookups for what a client wrote). */
	static InetAddress literal(String text) {
		boolean v4 = IPV4.matcher(text).matches();
		if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Block(byte[] network, int prefix) {

		static Block parse(String cidr) {
			int slash = cidr.indexOf('/');
			String address = (slash < 0) ? cidr : cidr.substring(0, slash);
			InetAddress network = literal(address);
			if (network == null) {
				throw new IllegalArgumentException("Not a CIDR in shop.gateway.trusted-proxies: '" + cidr + "'");
			}
			int bits = network.getAddress().length * 8;
			int prefix;
			try {
				prefix = (slash < 0) ? bits : Integer.parseInt(cidr.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not a CIDR in shop.gateway.trusted-proxies: '" + cidr + "'");
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("Not a CIDR in shop.gateway.trusted-proxies: '" + cidr + "'");
			}
			return new Block(network.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
