package dev.xboxshop.web.gateway;

/**
 * How far async booking is behind accepting, as order-service reports it
 * ({@code GET /api/backlog}).
 *
 * @param inFlight orders accepted and not yet final
 * @param bookedPerSecond orders settled per second lately
 * @param oldestWaitMs how long the oldest order in flight has waited
 * @param projectedWaitMs how long a new order would likely wait for its answer
 * @param shedAfterMs the projected wait beyond which async orders are turned away
 * @param shedding whether async orders are being turned away now (503 busy)
 */
public record Backlog(long inFlight, double bookedPerSecond, long oldestWaitMs, long projectedWaitMs, long shedAfterMs,
		boolean shedding) {

}
