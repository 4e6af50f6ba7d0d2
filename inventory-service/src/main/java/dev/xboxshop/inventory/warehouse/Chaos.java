package dev.xboxshop.inventory.warehouse;

/**
 * What an operator does to the warehouse: extra latency on each call, a share of calls
 * that fail, or the warehouse cut off entirely.
 */
public record Chaos(long extraLatencyMs, double errorRate, boolean down) {

	public static final Chaos NONE = new Chaos(0, 0, false);

}
