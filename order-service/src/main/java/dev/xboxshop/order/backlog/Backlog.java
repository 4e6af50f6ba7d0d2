package dev.xboxshop.order.backlog;

/**
 * How far booking is behind accepting, as every replica sees it.
 *
 * @param inFlight orders accepted and not yet final (the booking backlog)
 * @param bookedPerSecond orders that became final per second lately, across replicas
 * @param oldestWaitMs how long the oldest order in flight has waited
 * @param projectedWaitMs how long a new order would wait for its answer: the backlog at
 * the booking rate, or the oldest order's wait if that is longer
 * @param shedAfterMs the projected wait beyond which async orders are turned away
 * @param deadlineMs how long an accepted order may wait before it is cancelled for time
 * @param shedding whether async orders are being turned away now
 */
public record Backlog(long inFlight, double bookedPerSecond, long oldestWaitMs, long projectedWaitMs, long shedAfterMs,
		long deadlineMs, boolean shedding) {

}
